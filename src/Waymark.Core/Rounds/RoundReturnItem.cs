using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Units;

namespace Waymark.Core.Rounds;

/// <summary>What a return item asks its owner for.</summary>
public enum RoundItemKind
{
    /// <summary>An indicator's value for a period (<see cref="RoundReturnItem.IndicatorId"/>, <see cref="RoundReturnItem.ValuePeriod"/>).</summary>
    IndicatorValue = 0,

    /// <summary>An action's progress update for the round's period (<see cref="RoundReturnItem.ActionId"/>).</summary>
    ActionProgress = 1,

    /// <summary>A milestone's progress for the round's period (<see cref="RoundReturnItem.MilestoneId"/>).</summary>
    MilestoneProgress = 2,

    /// <summary>A risk's review falling due by the end of the round's period (<see cref="RoundReturnItem.RiskId"/>).</summary>
    RiskReview = 3,
}

/// <summary>
/// One thing a return asks for: which record and period. The record itself (the value, the update, the progress)
/// lives where it always does; the item keeps only what belongs to the return: a manager's "returned with a note"
/// and whether the owner has dealt with it.
/// </summary>
public class RoundReturnItem : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ReturnId { get; set; }
    public RoundReturn? Return { get; set; }

    public RoundItemKind Kind { get; set; }

    public int? IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }

    /// <summary>The period of an indicator value: the round's period, or the month or quarter within it the indicator
    /// is collected for.</summary>
    public Period? ValuePeriod { get; set; }

    public int? ActionId { get; set; }
    public PlanAction? Action { get; set; }

    public int? MilestoneId { get; set; }
    public Milestone? Milestone { get; set; }

    public int? RiskId { get; set; }
    public Risks.Risk? Risk { get; set; }

    /// <summary>The post the record is owned through, when a post owns it (then the owner is its holder, or the unit's
    /// head when it is vacant).</summary>
    public int? PostId { get; set; }
    public Post? Post { get; set; }

    /// <summary>The post was vacant when the round opened, so the item came to the unit's head.</summary>
    public bool FromVacantPost { get; set; }

    /// <summary>The unit the record belongs to, for completeness per unit; empty when it has none.</summary>
    public int? UnitId { get; set; }

    /// <summary>The manager's note when they returned this item to its owner.</summary>
    public string? ReturnNote { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public int? ReturnedByUserId { get; set; }
    public string? ReturnedByName { get; set; }

    /// <summary>The owner has dealt with the returned item (corrected it, or answered the note).</summary>
    public bool NoteDealtWith { get; set; }

    public Guid Version { get; set; }

    /// <summary>Whether a manager returned the item and the owner has not yet dealt with it.</summary>
    public bool IsReturnedOpen => ReturnedAt is not null && !NoteDealtWith;

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Kind switch
    {
        RoundItemKind.IndicatorValue => $"Return {ReturnId} item: indicator {IndicatorId}, {ValuePeriod?.Format(yearStartMonth)}",
        RoundItemKind.ActionProgress => $"Return {ReturnId} item: progress of action {ActionId}",
        RoundItemKind.MilestoneProgress => $"Return {ReturnId} item: progress of milestone {MilestoneId}",
        RoundItemKind.RiskReview => $"Return {ReturnId} item: review of risk {RiskId}",
        _ => $"Return {ReturnId} item {Id}",
    };
}
