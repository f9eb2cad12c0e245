using Waymark.Core.Accounts;
using Waymark.Core.Rounds;

namespace Waymark.Core.Returns;

/// <summary>What the rules need of one return item: what it asks for, and whether its owner has given it.</summary>
public sealed record ItemFacts(int Id, RoundItemKind Kind, string Label, bool HasEntry, bool HasCommentary, bool IsReturnedOpen);

/// <summary>
/// The rules of an owner's return: its states (not started → in progress → submitted → signed off, or returned with a
/// note → in progress → submitted again), who may take each step, and what is still missing. A return is submitted
/// only when nothing is missing: an owner who cannot give a figure records it as "not available" with the reason,
/// which is an entry the manager can judge, rather than submitting round a gap.
/// </summary>
public static class ReturnRules
{
    /// <summary>The state to show: a return not yet started counts as in progress once anything in it is entered.</summary>
    public static ReturnState Effective(ReturnState stored, IReadOnlyCollection<ItemFacts> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Effective(stored, items.Any(i => i.HasEntry));
    }

    /// <summary>
    /// The state to show when only whether anything is entered is known (lists, completeness): a return is never stored
    /// as in progress; its owner's first entry (a value, an update, a milestone's progress) makes it so.
    /// </summary>
    public static ReturnState Effective(ReturnState stored, bool anyEntered) =>
        stored == ReturnState.NotStarted && anyEntered ? ReturnState.InProgress : stored;

    /// <summary>The items with nothing entered for the period: no value, no progress update, no milestone progress.</summary>
    public static IReadOnlyList<ItemFacts> Missing(IReadOnlyCollection<ItemFacts> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Where(i => !i.HasEntry)];
    }

    /// <summary>The state in words, as a tag shows it.</summary>
    public static string Words(ReturnState state) => state switch
    {
        ReturnState.NotStarted => "Not started",
        ReturnState.InProgress => "In progress",
        ReturnState.Submitted => "Submitted",
        ReturnState.SignedOff => "Signed off",
        ReturnState.Returned => "Returned",
        _ => state.ToString(),
    };

    /// <summary>Whether the owner may still change what the return holds (it is with them, in an open round).</summary>
    public static bool IsEditableByOwner(ReturnState state, bool roundClosed) => !roundClosed && RoundRules.IsWithOwner(state);

    /// <summary>Whether the actor is the return's owner.</summary>
    public static bool IsOwner(Actor? actor, int personId) => actor is { ReadOnly: false, PersonId: { } p } && p == personId;

    /// <summary>
    /// Why the actor may not submit the return now; null when they may. Only its owner submits, only while it is with
    /// them in an open round, and only when nothing is missing (each missing item named).
    /// </summary>
    public static string? WhyCannotSubmit(Actor? actor, int personId, ReturnState state, bool roundClosed, IReadOnlyCollection<ItemFacts> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!IsOwner(actor, personId))
        {
            return "Only the owner of this return can submit it.";
        }

        if (roundClosed)
        {
            return "The round is closed, so its returns can no longer be changed.";
        }

        if (state is ReturnState.Submitted)
        {
            return "This return has been submitted and is with your manager; it can be changed again only if they return an item to you.";
        }

        if (state is ReturnState.SignedOff)
        {
            return "This return has been signed off.";
        }

        var missing = Missing(items);
        return missing.Count == 0 ? null
            : $"Enter everything before submitting: {missing.Count} {(missing.Count == 1 ? "item is" : "items are")} still missing ({string.Join("; ", missing.Select(m => m.Label))}). "
              + "If a figure is not available, record it as not available with the reason.";
    }

    /// <summary>
    /// Whether the actor may sign off or return items of a return of a unit: the unit's head (holding its head post),
    /// a service manager with the unit in scope, or the central team (performance officers, administrators); never the return's own owner (a second
    /// person signs off a return, as a second person verifies a value).
    /// </summary>
    public static bool CanManage(Actor? actor, int? unitId, int? unitHeadPostId, int personId) => actor switch
    {
        null or { ReadOnly: true } => false,
        _ when actor.PersonId == personId => false,
        { Role: Role.Administrator or Role.PerformanceOfficer } => true,
        { Role: Role.ServiceManager } when unitId is not null && actor.Covers(unitId) => true,
        { Role: Role.ServiceManager or Role.LeadOfficer } => unitHeadPostId is { } head && actor.PostIds.Contains(head),
        _ => false,
    };

    /// <summary>Whether the actor has a sign-off queue at all: the central team and service managers (which returns is then
    /// <see cref="CanManage"/>).</summary>
    public static bool MaySignOffSome(Actor? actor) =>
        actor is { ReadOnly: false, Role: Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager };

    /// <summary>
    /// Who may read a return: its owner, whoever may manage it, and those who read everything in the organisation's
    /// monitoring (administrators, auditors).
    /// </summary>
    public static bool CanRead(Actor? actor, int? unitId, int? unitHeadPostId, int personId) =>
        actor is not null && (actor.PersonId == personId || CanManage(actor, unitId, unitHeadPostId, personId)
            || actor.Role is Role.Administrator or Role.Auditor or Role.PerformanceOfficer);

    /// <summary>Why the return cannot be signed off or have items returned as it stands (it must be submitted, in an open round).</summary>
    public static string? WhyCannotReview(ReturnState state, bool roundClosed) =>
        roundClosed ? "The round is closed, so its returns can no longer be changed."
        : state switch
        {
            ReturnState.Submitted => null,
            ReturnState.SignedOff => "This return has already been signed off.",
            ReturnState.Returned => "This return has been returned to its owner; it can be signed off once they submit it again.",
            _ => "This return has not been submitted yet.",
        };
}
