using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>Deletes a draft plan with everything in it, after asking.</summary>
public class DeleteModel(OrganisationScope scope, PlanEditor editor) : PlanEditPageModel(scope, editor)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadPlanAsync(id, ct) is { } stop)
        {
            return stop;
        }

        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadPlanAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var result = await Editor.DeleteAsync(Actor, id, Version == Guid.Empty ? null : Version, ct);
        if (result.Outcome == EditOutcome.Conflict)
        {
            Conflict = [];
            Version = result.Record!.Version;
            return Page();
        }

        return Stop(result) ?? Redirect($"{OrgPath}/plans");
    }
}
