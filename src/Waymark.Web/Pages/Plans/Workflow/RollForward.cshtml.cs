using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Workflow;

/// <summary>Roll a plan forward into next year's: says what will be carried, then makes the new plan (a draft).</summary>
public class RollForwardModel(OrganisationScope scope, PlanWorkflow workflow, PlanRollForward rollForward) : EditorPageModel(scope)
{
    public Plan? Plan { get; private set; }

    public RollForwardPreview? Preview { get; private set; }

    public string PlanPath => $"{OrgPath}/plans/{Plan?.Id}";

    public string Years(Waymark.Core.Periods.Period start, Waymark.Core.Periods.Period end) => Display.PeriodRange(start, end, YearStartMonth);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var result = await rollForward.RollForwardAsync(Actor, id, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                TempData["Notification"] = $"“{result.Record!.Title}” has been made from “{Plan!.Title}”: a draft, ready to change";
                return Redirect($"{OrgPath}/plans/{result.Record.Id}");
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            default:
                Preview = (await rollForward.PreviewAsync(id, ct))! with { Refusal = result.Reason };
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Plan = await workflow.FindAsync(id, ct);
        if (Plan is null)
        {
            return NotFound();
        }

        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanEditPlan(actor, Plan.UnitId))
        {
            return Deny(PlanWorkflowRules.WhyCannotEdit(actor));
        }

        Preview = await rollForward.PreviewAsync(id, ct);
        return Preview is null ? NotFound() : null;
    }
}
