using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>Starts a plan: it gets the organisation's template sections, empty, in order.</summary>
public class NewModel(OrganisationScope scope, PlanEditor editor, FrameworkChoiceQueries framework, WaymarkDbContext db, TimeProvider clock) : EditorPageModel(scope)
{
    private PlanForm.Choices choices = null!;

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public PlanForm Form => new(Input, choices, Error);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        choices = await PlanForm.Choices.LoadAsync(framework, db, ct);
        Input = new PlanInput
        {
            Type = PlanDefaults.ServicePlan,
            StartYear = Period.FinancialYearContaining(Organisation.Today(clock), YearStartMonth).Format(YearStartMonth),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        choices = await PlanForm.Choices.LoadAsync(framework, db, ct);
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        return await AnswerAsync(await editor.CreateAsync(actor, Input, ct), plan => Redirect($"{OrgPath}/plans/{plan.Id}"));
    }
}
