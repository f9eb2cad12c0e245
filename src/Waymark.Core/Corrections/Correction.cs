using Waymark.Core.Audit;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Core.Corrections;

/// <summary>What kind of record a correction changed.</summary>
public enum CorrectionKind
{
    /// <summary>An indicator's value (or commentary) for a period.</summary>
    IndicatorValue = 0,

    /// <summary>An action's quarterly progress update.</summary>
    ActionProgress = 1,

    /// <summary>A milestone's progress for a period.</summary>
    MilestoneProgress = 2,
}

/// <summary>
/// A change to a record of a locked period (its monitoring round has closed): what it was, what it became, why, who and
/// when. Written in the same save as the change; the restatement register lists them. Never edited afterwards.
/// </summary>
public class Correction : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public CorrectionKind Kind { get; set; }

    /// <summary>The indicator, action or milestone corrected (kept as a number: the register outlives a deleted record).</summary>
    public int SubjectId { get; set; }

    /// <summary>The value, update or progress row corrected, when it still exists after the change.</summary>
    public int? RecordId { get; set; }

    /// <summary>What the subject was called when corrected ("NI 191 Residual household waste per household").</summary>
    public required string Subject { get; set; }

    public Period Period { get; set; }

    /// <summary>The unit the record belongs to (its indicator's or plan's), for the register's filter.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>The value before, as shown ("33.9%", "Not available: …"); empty when there was none.</summary>
    public string? OldValue { get; set; }

    /// <summary>The value after; empty when the record was deleted.</summary>
    public string? NewValue { get; set; }

    /// <summary>The R/A/G or status before ("Amber", "On going"), where the record has one.</summary>
    public string? OldStatus { get; set; }
    public string? NewStatus { get; set; }

    /// <summary>Whether the commentary changed too (the register says so; the audit trail has the words).</summary>
    public bool CommentaryChanged { get; set; }

    public required string Reason { get; set; }
    public int? ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The day it was made, in the UK: what the register's "since" compares.</summary>
    public DateOnly On { get; set; }

    /// <summary>Made under a lock exception (rather than by the central team), and which.</summary>
    public int? LockExceptionId { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) =>
        $"Correction to {Subject}, {Period.Format(yearStartMonth)}: {OldValue ?? "none"} to {NewValue ?? "none"}";
}

/// <summary>
/// Leave for a unit (and the units below it) to change records of locked periods, until an end date (inclusive),
/// optionally for one person only. Granted and ended by administrators and performance officers; changes made under it
/// are still corrections, with a reason.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "A lock exception is the performance team's own term (leave granted to a unit), not a .NET exception.")]
public class LockException : IOrganisationOwned, Data.IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>The one person it is for; empty for whoever may otherwise change the unit's records.</summary>
    public int? PersonId { get; set; }
    public Person? Person { get; set; }

    public DateOnly From { get; set; }

    /// <summary>The last day it applies (inclusive).</summary>
    public DateOnly Until { get; set; }
    public required string Reason { get; set; }
    public int? GrantedByUserId { get; set; }
    public required string GrantedByName { get; set; }
    public DateTimeOffset GrantedAt { get; set; }

    /// <summary>Ended early: from then on it no longer applies.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedByName { get; set; }

    public Guid Version { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Unit)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) =>
        $"Lock exception for {Unit?.Name ?? $"unit {UnitId}"} until {LockRules.Date(Until)}";
}
