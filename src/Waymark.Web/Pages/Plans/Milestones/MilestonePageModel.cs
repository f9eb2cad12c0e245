using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Milestones;

/// <summary>
/// What the milestone pages share: the milestone as a plan measures it, with its progress reports, found only through
/// that plan; who may record progress on it is <see cref="MilestoneProgressEditor"/>'s rule.
/// </summary>
public abstract class MilestonePageModel(OrganisationScope scope, MilestoneProgressQueries queries) : EditorPageModel(scope)
{
    public MilestoneHistory History { get; private set; } = null!;

    public Plan Plan => History.Plan;

    public Milestone Milestone => History.Milestone;

    public string PlanUrl => $"{OrgPath}/plans/{Plan.Id}";

    public string MilestoneUrl => $"{PlanUrl}/milestones/{Milestone.Id}";

    public bool CanUpdate => MilestoneProgressEditor.CanUpdate(Actor, Milestone, Plan);

    public string Owner => Waymark.Core.Indicators.IndicatorQueries.OwnerText(Milestone.OwnerPost, Milestone.OwnerPerson) ?? "Not set";

    /// <summary>The success banner, read by the milestone's page after a save.</summary>
    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    /// <summary>Null when the page may go on; otherwise not found, or the 403 page when the plan may not be read.</summary>
    protected async Task<IActionResult?> LoadAsync(int id, int milestoneId, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (await queries.HistoryAsync(id, milestoneId, ct) is not { } history)
        {
            return NotFound();
        }

        History = history;
        return Permissions.CanReadPlan(actor, history.Plan.OrganisationId, history.Plan.State) ? null : Deny("You can read only approved and published plans.");
    }
}
