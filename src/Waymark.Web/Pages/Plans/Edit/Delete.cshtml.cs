using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>Deletes a draft plan with everything in it, after asking.</summary>
public class DeleteModel(OrganisationScope scope, PlanEditor editor) : PlanEditPageModel(scope, editor)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (plan, stop) = await OpenPlanAsync(id, ct);
        if (plan is null)
        {
            return stop!;
        }

        Version = plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if ((await OpenPlanAsync(id, ct)).Stop is { } stop)
        {
            return stop;
        }

        return await AnswerAsync(await Editor.DeleteAsync(Actor, id, Version == Guid.Empty ? null : Version, ct), () => Redirect($"{OrgPath}/plans"));
    }
}
