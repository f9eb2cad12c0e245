using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>Changes a draft plan's facts, guarded by its version.</summary>
public class EditModel(OrganisationScope scope, PlanEditor editor, FrameworkChoiceQueries framework, WaymarkDbContext db) : PlanEditPageModel(scope, editor)
{
    private PlanForm.Choices choices = null!;

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public PlanForm Form => new(Input, choices, Error);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (plan, stop) = await OpenPlanAsync(id, ct);
        if (plan is null)
        {
            return stop!;
        }

        choices = await PlanForm.Choices.LoadAsync(framework, db, ct);
        Input = PlanForm.InputOf(plan, YearStartMonth);
        Version = plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if ((await OpenPlanAsync(id, ct)).Stop is { } stop)
        {
            return stop;
        }

        choices = await PlanForm.Choices.LoadAsync(framework, db, ct);
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        return await AnswerAsync(await Editor.UpdateAsync(Actor, id, Version, Input, ct), () => Redirect(PlanPath),
            differences: saved => Form.Compare(saved, YearStartMonth));
    }
}
