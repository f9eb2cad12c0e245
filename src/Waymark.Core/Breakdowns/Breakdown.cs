using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Core.Breakdowns;

/// <summary>What an indicator is broken down by: the organisation's units (services) or its places (wards, parishes, towns).</summary>
public enum BreakdownKind
{
    /// <summary>One figure per unit: every service's sickness absence (seed 003's corporate health indicators).</summary>
    Unit,

    /// <summary>One figure per place: a ward, parish or town of the organisation's list (<see cref="Place"/>).</summary>
    Place,
}

/// <summary>
/// An indicator collected in parts (DESIGN.md §2 "Breakdown"): each member (a unit or a place) has its own values,
/// owner and status, and the indicator's whole figure for a period is formed from them by its aggregation
/// (<see cref="BreakdownRules.Whole"/>). One per indicator at most.
/// </summary>
public class Breakdown : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public BreakdownKind Kind { get; set; }
    public List<BreakdownMember> Members { get; set; } = [];
    public Guid Version { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Indicator)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Indicator.AuditName(Indicator, IndicatorId)} breakdown by {BreakdownWords.Kind(Kind)}";
}

/// <summary>One part of a breakdown: a unit or a place (as its kind says), with the post that owns its figures.</summary>
public class BreakdownMember : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int BreakdownId { get; set; }
    public Breakdown? Breakdown { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int? PlaceId { get; set; }
    public Place? Place { get; set; }

    /// <summary>The post that enters this member's figures (a post survives staff changes); null: the indicator's owners.</summary>
    public int? OwnerPostId { get; set; }
    public Post? OwnerPost { get; set; }
    public int SortOrder { get; set; }
    public List<BreakdownValue> Values { get; set; } = [];
    public Guid Version { get; set; }

    /// <summary>The unit's or the place's name ("Member 7" when neither is loaded).</summary>
    public string Name => Unit?.Name ?? Place?.Name ?? $"Member {Id}";

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Unit), nameof(Place)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Breakdown member {Name}";
}

/// <summary>
/// A member's figure for one period, with its commentary. The indicator's whole figure for the period is formed from
/// these and saved as its ordinary value, so every page and report reads one value.
/// </summary>
public class BreakdownValue : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int MemberId { get; set; }
    public BreakdownMember? Member { get; set; }
    public Period Period { get; set; }
    public decimal? Value { get; set; }
    public string? Commentary { get; set; }
    public string? EnteredByName { get; set; }
    public DateTimeOffset? EnteredAt { get; set; }

    /// <summary>Generated for the demonstration councils, never entered by anyone (shown as such).</summary>
    public bool IsDemonstration { get; set; }
    public Guid Version { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Member)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Member?.Name ?? $"Member {MemberId}"} figure, {Period.Format(yearStartMonth)}";
}
