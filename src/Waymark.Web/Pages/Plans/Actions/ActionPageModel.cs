using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>A page about one action of a plan: found in its plan (else not found), and only for those who may read the plan.</summary>
public abstract class ActionPageModel(OrganisationScope scope, ActionQueries queries) : ActionEditorPageModel(scope)
{
    public const string DraftsOnlyForCouncillors = PlanQueries.NotYetReadable;

    public ActionDetail Detail { get; private set; } = null!;
    public PlanAction Action => Detail.Action;
    public Plan Plan => Detail.Plan;
    public string PlanUrl => $"{OrgPath}/plans/{Plan.Id}";
    public string ActionUrl => $"{PlanUrl}/actions/{Action.Id}";
    public string ActionLabel => string.IsNullOrWhiteSpace(Action.Reference) ? Action.Title : $"{Action.Reference} {Action.Title}";
    public bool CanUpdate => ActionProgress.CanUpdate(Actor, Action, Plan);
    public bool CanEdit => PlanWorkflowRules.ContentEditable(Plan.State) && ActionEditor.CanEdit(Actor, Plan);
    protected ActionQueries Queries => queries;

    /// <summary>The success banner, read by whichever page the save returns to.</summary>
    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public string MonthText(Waymark.Core.Periods.Period? month) => month?.Format(YearStartMonth) ?? "";

    /// <summary>Null when the page may go on; otherwise not found, or the 403 page that says why.</summary>
    protected async Task<IActionResult?> LoadAsync(int id, int actionId, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (await queries.DetailAsync(id, actionId, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        if (!Permissions.CanReadPlan(actor, Organisation.Id, detail.Plan.State))
        {
            return Deny(DraftsOnlyForCouncillors);
        }

        return WhyNot() is { } reason ? Deny(reason) : null;
    }

    /// <summary>The page's own per-record rule (beyond reading the plan): null when the actor may use it, else why not.</summary>
    protected virtual string? WhyNot() => null;

    /// <summary>A form page's GET: the action, and the version the form is based on.</summary>
    protected async Task<IActionResult> ShowFormAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        Version = Action.Version;
        return Page();
    }

    /// <summary>Reloads after a save met someone else's (the page then shows what is saved now, and its version).</summary>
    protected async Task ReloadAsync(CancellationToken ct) => Detail = (await queries.DetailAsync(Plan.Id, Action.Id, ct))!;
}
