using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>Starts a plan: it gets the organisation's template sections, empty, in order.</summary>
public class NewModel(OrganisationScope scope, PlanEditor editor, FrameworkChoiceQueries framework, WaymarkDbContext db, TimeProvider clock)
    : PlanFormModel(scope, editor, framework, db)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadChoicesAsync(ct);
        Type = PlanDefaults.ServicePlan;
        StartYear = Period.FinancialYearContaining(UkCalendar.Today(clock), YearStartMonth).Format(YearStartMonth);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        await LoadChoicesAsync(ct);
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await Editor.CreateAsync(actor, Input, ct);
        return Stop(result) ?? Redirect($"{OrgPath}/plans/{result.Record!.Id}");
    }
}
