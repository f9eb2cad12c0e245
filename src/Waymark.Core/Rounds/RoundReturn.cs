using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Core.Rounds;

/// <summary>Where an owner's return stands in its round.</summary>
public enum ReturnState
{
    NotStarted = 0,
    InProgress = 1,
    Submitted = 2,
    SignedOff = 3,

    /// <summary>The manager returned one or more items with a note; the owner deals with them and submits again.</summary>
    Returned = 4,
}

/// <summary>
/// One owner's return for a round: everything in the round's scope that the person owns, directly or through a post
/// they hold, and the items of vacant posts when they head the unit (then <see cref="IncludesVacantPostItems"/> says
/// so). One per person per round.
/// </summary>
public class RoundReturn : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RoundId { get; set; }
    public MonitoringRound? Round { get; set; }

    /// <summary>The owner who makes the return.</summary>
    public int PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>The unit the return is counted under in completeness (the owner's unit); empty when not known.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>Some items belong to a vacant post and came to this owner as the unit's head.</summary>
    public bool IncludesVacantPostItems { get; set; }

    public ReturnState State { get; set; }

    /// <summary>
    /// The organisation's day (<c>Organisation.Today</c>) the owner first submitted the return: whether it was on time is
    /// judged on it, so a resubmission after a manager returned an item does not make an on-time return late.
    /// </summary>
    public DateOnly? FirstSubmittedOn { get; set; }

    /// <summary>When the owner last submitted it (kept when a manager returns an item, replaced on resubmission).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    public int? SubmittedByUserId { get; set; }
    public string? SubmittedByName { get; set; }

    public DateTimeOffset? SignedOffAt { get; set; }
    public int? SignedOffByUserId { get; set; }
    public string? SignedOffByName { get; set; }

    public List<RoundReturnItem> Items { get; set; } = [];

    public Guid Version { get; set; }

    /// <summary>"Sam Taylor's return, Q3 2011/12 round".</summary>
    public string Label(int yearStartMonth) =>
        $"{Person?.Name ?? $"Person {PersonId}"}'s return, {Round?.Label(yearStartMonth) ?? $"round {RoundId}"}";

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Person), nameof(Round)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Label(yearStartMonth);
}
