using Waymark.Core.Accounts;

namespace Waymark.Core.Plans;

/// <summary>
/// The plan workflow of DESIGN.md §2, in one place: draft → submitted → approved → published, and back to draft from any
/// later state (with a reason). Plain functions: no database, no clock. <see cref="PlanWorkflow"/> applies them.
/// </summary>
public static class PlanWorkflowRules
{
    /// <summary>The states a plan in <paramref name="state"/> may move to, the forward step first.</summary>
    public static IReadOnlyList<PlanState> NextSteps(PlanState state) => state switch
    {
        PlanState.Draft => [PlanState.Submitted],
        PlanState.Submitted => [PlanState.Approved, PlanState.Draft],
        PlanState.Approved => [PlanState.Published, PlanState.Draft],
        PlanState.Published => [PlanState.Draft],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown plan state."),
    };

    public static bool CanMove(PlanState from, PlanState to) => NextSteps(from).Contains(to);

    /// <summary>
    /// Whether a plan's content (facts, sections, objectives, measures, recommendations, actions) may change: only while
    /// it is a draft. Progress updates and due revisions are not content and may be recorded in any state.
    /// </summary>
    public static bool ContentEditable(PlanState state) => state == PlanState.Draft;

    /// <summary>A move back to draft needs a reason (it is recorded with the step); the forward steps take an optional comment.</summary>
    public static bool NeedsReason(PlanState to) => to == PlanState.Draft;

    /// <summary>Null when the move is allowed; otherwise why not, in words for the person asking.</summary>
    public static string? WhyNotMove(PlanState from, PlanState to)
    {
        if (CanMove(from, to))
        {
            return null;
        }

        var now = from == to ? $"this plan is already {Describe(from)}" : $"this plan is {Describe(from)}";
        return to switch
        {
            PlanState.Submitted => $"Only a draft plan can be submitted; {now}",
            PlanState.Approved => $"Only a submitted plan can be approved; {now}",
            PlanState.Published => $"Only an approved plan can be published; {now}",
            _ => $"Only a submitted, approved or published plan can be returned to draft; {now}",
        };
    }

    /// <summary>
    /// Null when the actor may make the move on a plan of <paramref name="unitId"/> now in <paramref name="from"/>;
    /// otherwise why not. Submitting is for those who may change the plan; approving, publishing and returning to draft
    /// are for the central team; those who may change the plan may also withdraw it to draft while it is submitted.
    /// </summary>
    public static string? WhyNotAllowed(Actor? actor, int? unitId, PlanState from, PlanState to)
    {
        if (actor is null)
        {
            return "Only members of this organisation can work on its plans.";
        }

        if (actor.ReadOnly)
        {
            return "This API token may only read. Nothing has been changed.";
        }

        var editor = Permissions.CanEditPlan(actor, unitId);
        var approver = Permissions.CanApprovePlans(actor);
        return to switch
        {
            PlanState.Submitted => editor ? null : WhyCannotEdit(actor),
            PlanState.Approved or PlanState.Published => approver ? null
                : "Only administrators and performance officers can approve or publish a plan.",
            _ => approver || (editor && from is PlanState.Draft or PlanState.Submitted) ? null
                : editor
                    ? $"Only administrators and performance officers can return {WithArticle(from)} plan to draft. You can withdraw a plan to draft while it is submitted."
                    : "Only administrators and performance officers can return a plan to draft; those who may change a plan can withdraw it while it is submitted.",
        };
    }

    /// <summary>Why the actor may not change, submit or roll forward a plan (for a refusal of <see cref="Permissions.CanEditPlan"/>).</summary>
    public static string WhyCannotEdit(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can work on its plans.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can change, submit and roll forward only the plans of your units.",
        _ => "Only administrators, performance officers and service managers (for their units' plans) can change, submit or roll forward a plan.",
    };

    /// <summary>The state in words for a heading or a tag: "Draft", "Submitted", "Approved", "Published".</summary>
    public static string Text(PlanState state) => state switch
    {
        PlanState.Draft => "Draft",
        PlanState.Submitted => "Submitted",
        PlanState.Approved => "Approved",
        PlanState.Published => "Published",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown plan state."),
    };

    /// <summary>The state inside a sentence: "a draft", "submitted", "approved", "published".</summary>
    public static string Describe(PlanState state) => state == PlanState.Draft ? "a draft" : Text(state).ToLowerInvariant();

    /// <summary>Before "plan": "a draft", "a submitted", "an approved", "a published".</summary>
    public static string WithArticle(PlanState state) => state switch
    {
        PlanState.Approved => "an approved",
        _ => "a " + Text(state).ToLowerInvariant(),
    };
}
