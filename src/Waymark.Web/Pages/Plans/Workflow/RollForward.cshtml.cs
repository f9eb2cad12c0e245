using Microsoft.AspNetCore.Mvc;
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

        return await AnswerAsync(await rollForward.RollForwardAsync(Actor, id, ct), plan =>
        {
            TempData["Notification"] = $"“{plan.Title}” has been made from “{Plan!.Title}”: a draft, ready to change";
            return Redirect($"{OrgPath}/plans/{plan.Id}");
        }, reload: async () => Preview = (await rollForward.PreviewAsync(id, ct))! with { Refusal = Refusal });
    }

    /// <summary>Why the plan cannot be rolled forward is said in the preview, as when the page is first shown.</summary>
    protected override void ShowRefusal(string reason) => Refusal = reason;

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var open = await rollForward.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (open.Record is not { } preview)
        {
            return await AnswerAsync(open, _ => Page());
        }

        Preview = preview;
        Plan = await workflow.FindAsync(id, ct);
        return null;
    }
}
