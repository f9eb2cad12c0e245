using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Core.Indicators;

/// <summary>
/// A performance indicator's definition (DESIGN.md §2 "Indicator"): what is measured, how it is judged and who answers
/// for it. Targets and values hang off it. Earlier versions of the definition are kept in <see cref="Versions"/> for the
/// periods they applied to.
/// </summary>
public class Indicator : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>The indicator's code as the council writes it ("NI 4", "SX52", "BV 12"), when it has one. Unique in the organisation.</summary>
    public string? Code { get; set; }

    public required string Title { get; set; }

    /// <summary>How it is measured: numerator, denominator, what counts.</summary>
    public string? Definition { get; set; }

    public IndicatorUnit Unit { get; set; }
    public int DecimalPlaces { get; set; }
    public Polarity Polarity { get; set; }
    public Frequency Frequency { get; set; } = Frequency.Quarterly;
    public Aggregation Aggregation { get; set; }
    public string? DataSource { get; set; }
    public IndicatorTags Tags { get; set; }

    /// <summary>The unit (service, team) the indicator belongs to: service managers manage their units' indicators.</summary>
    public int? UnitId { get; set; }
    public Unit? OwningUnit { get; set; }

    /// <summary>The data owner enters the values: a post (survives staff changes) or a named person.</summary>
    public int? DataOwnerPostId { get; set; }
    public Post? DataOwnerPost { get; set; }
    public int? DataOwnerPersonId { get; set; }
    public Person? DataOwnerPerson { get; set; }

    /// <summary>The lead officer answers for the performance, and may enter values too.</summary>
    public int? LeadPostId { get; set; }
    public Post? LeadPost { get; set; }
    public int? LeadPersonId { get; set; }
    public Person? LeadPerson { get; set; }

    /// <summary>Baseline as the plan states it: "2008 = 33.9%" is value 33.9, period "2008".</summary>
    public decimal? BaselineValue { get; set; }

    /// <summary>The baseline's period, as written ("2008", "2008/09", "01/04/08").</summary>
    public string? BaselinePeriod { get; set; }
    public string? BaselineNote { get; set; }

    /// <summary>The lowest value its values, targets and baseline may take; null: none (0 for a percentage). See <see cref="DataQualityRules.RangeOf"/>.</summary>
    public decimal? Minimum { get; set; }

    /// <summary>The highest value its values, targets and baseline may take; null: none (100 for a percentage).</summary>
    public decimal? Maximum { get; set; }

    public ToleranceKind ToleranceKind { get; set; } = ToleranceKind.PercentOfTarget;
    public decimal ToleranceAmount { get; set; } = 5m;

    public Comparison Comparison { get; set; }

    /// <summary>"No change" when two values differ by no more than this; null: equal at the decimal places (DESIGN.md §3).</summary>
    public decimal? NoChangeThreshold { get; set; }

    public CalculationKind Calculation { get; set; }

    /// <summary>For <see cref="CalculationKind.Formula"/>: the formula over the variables of <see cref="Inputs"/>.</summary>
    public string? Formula { get; set; }

    /// <summary>The first year values are collected for; null: from the first year with a target.</summary>
    public Period? CollectFrom { get; set; }

    /// <summary>The last year values are collected for; null: still collected.</summary>
    public Period? CollectUntil { get; set; }

    /// <summary>The period from which the current definition applies; earlier periods use <see cref="Versions"/>.</summary>
    public Period? DefinitionAppliesFrom { get; set; }

    public int SortOrder { get; set; }

    public List<IndicatorTarget> Targets { get; set; } = [];
    public List<IndicatorValue> Values { get; set; } = [];
    public List<IndicatorObjective> Objectives { get; set; } = [];
    public List<IndicatorInput> Inputs { get; set; } = [];
    public List<IndicatorDefinitionVersion> Versions { get; set; } = [];

    public Tolerance Tolerance => new(ToleranceKind, ToleranceAmount);

    /// <summary>"NI 4 % of people who …", or just the title when there is no code.</summary>
    public string Label => string.IsNullOrWhiteSpace(Code) ? Title : $"{Code} {Title}";

    /// <summary>How the trail names an indicator in its rows' entries: its code, else its title (its id when not loaded).</summary>
    internal static string AuditName(Indicator? indicator, int id) =>
        indicator is null ? $"Indicator {id}" : string.IsNullOrWhiteSpace(indicator.Code) ? indicator.Title : indicator.Code;

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Label;
}

/// <summary>A target for one period: a year, or a quarter or month of it (a profile). Numeric or text as written.</summary>
public class IndicatorTarget : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public Period Period { get; set; }
    public decimal? Value { get; set; }

    /// <summary>A text target exactly as the plan wrote it ("Set baseline"); set when <see cref="Value"/> is null.</summary>
    public string? Text { get; set; }

    /// <summary>A level (<see cref="Value"/> or <see cref="Text"/>), or an improvement on last year's figure.</summary>
    public TargetKind Kind { get; set; }

    /// <summary>For <see cref="TargetKind.BetterThanLastYear"/>: how much better than last year's figure, at least (0.5 days).</summary>
    public decimal? RelativeAmount { get; set; }

    public Target AsTarget() => Kind == TargetKind.BetterThanLastYear && RelativeAmount is { } by ? Target.BetterThanLastYear(by)
        : Value is { } v ? Target.Numeric(v) : Target.OfText(Text ?? "");

    public Guid Version { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Indicator)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Indicator.AuditName(Indicator, IndicatorId)} target, {Period.Format(yearStartMonth)}";
}

/// <summary>
/// The value for one period: a number, or "not available" with the reason; commentary; who entered it and who
/// verified it. A change after verification clears the verification (and the history says so).
/// </summary>
public class IndicatorValue : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public Period Period { get; set; }

    /// <summary>Null when not available (then <see cref="NotAvailableReason"/> says why).</summary>
    public decimal? Value { get; set; }
    public string? NotAvailableReason { get; set; }
    public string? Commentary { get; set; }

    /// <summary>What is being done about it: asked for a Red value where the organisation's commentary rules say so.</summary>
    public string? Remedial { get; set; }

    /// <summary>The owner's year-end forecast given with the value (<see cref="Performance.ForecastRules"/>); empty: projected.</summary>
    public decimal? YearEndForecast { get; set; }

    public int? EnteredByUserId { get; set; }
    public required string EnteredByName { get; set; }
    public DateTimeOffset EnteredAt { get; set; }

    public int? VerifiedByUserId { get; set; }
    public string? VerifiedByName { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>Generated for the demonstration councils, not a council's real figure; shown as such.</summary>
    public bool IsDemonstration { get; set; }

    /// <summary>
    /// Whoever entered it was told it is far from the previous period and the same period last year
    /// (<see cref="DataQualityRules.IsUnusual"/>), and confirmed it is right.
    /// </summary>
    public bool UnusualConfirmed { get; set; }

    /// <summary>
    /// Where the conversation between verifier and owner stands: queried back to the owner, or answered (back in the
    /// verify queue). The notes themselves are in the value's history (<see cref="IndicatorValueEvent.Note"/>).
    /// </summary>
    public ValueQueryState QueryState { get; set; }

    public bool IsVerified => VerifiedAt is not null;

    public Guid Version { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Indicator)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Indicator.AuditName(Indicator, IndicatorId)}, {Period.Format(yearStartMonth)}";
}

/// <summary>
/// One step in a value's history: entered, changed, verified, verification cleared, deleted, queried, answered,
/// corrected. Append-only; together the steps of a period are the value's thread.
/// </summary>
public class IndicatorValueEvent : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int IndicatorId { get; set; }
    public Period Period { get; set; }
    public ValueEventKind Kind { get; set; }
    public decimal? Value { get; set; }
    public string? NotAvailableReason { get; set; }
    public string? Commentary { get; set; }

    /// <summary>What is being done about it, as the value said at this step.</summary>
    public string? Remedial { get; set; }

    /// <summary>The value was far from its comparators, and the person confirmed it (see <see cref="IndicatorValue.UnusualConfirmed"/>).</summary>
    public bool UnusualConfirmed { get; set; }

    /// <summary>What was said with the step: the verifier's query, the owner's answer or why they corrected the value.</summary>
    public string? Note { get; set; }

    public int? ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset At { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Indicator {IndicatorId}, {Period.Format(yearStartMonth)}: {Kind}";
}

/// <summary>An earlier version of a definition, kept for the periods it applied to.</summary>
public class IndicatorDefinitionVersion : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int IndicatorId { get; set; }

    /// <summary>1 for the first definition, counting up.</summary>
    public int Number { get; set; }

    /// <summary>First period this version applied to; null: from the start.</summary>
    public Period? AppliesFrom { get; set; }

    /// <summary>Last period this version applied to.</summary>
    public Period AppliesUntil { get; set; }

    public string? Code { get; set; }
    public required string Title { get; set; }
    public string? Definition { get; set; }
    public IndicatorUnit Unit { get; set; }
    public int DecimalPlaces { get; set; }
    public Polarity Polarity { get; set; }
    public Aggregation Aggregation { get; set; }
    public ToleranceKind ToleranceKind { get; set; }
    public decimal ToleranceAmount { get; set; }
    public string? DataSource { get; set; }

    public required string ReplacedByName { get; set; }
    public DateTimeOffset ReplacedAt { get; set; }

    public Tolerance Tolerance => new(ToleranceKind, ToleranceAmount);

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{(string.IsNullOrWhiteSpace(Code) ? Title : Code)}, definition {Number}";
}

/// <summary>An objective (of the framework or a plan) that an indicator measures.</summary>
public class IndicatorObjective : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int ObjectiveId { get; set; }
    public Framework.Objective? Objective { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Indicator {IndicatorId} measures objective {ObjectiveId}";
}

/// <summary>An indicator a calculated indicator is worked out from: a formula variable ("A"), or a member of its basket.</summary>
public class IndicatorInput : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int InputIndicatorId { get; set; }
    public Indicator? InputIndicator { get; set; }

    /// <summary>The formula's name for it ("A"); null for a basket member.</summary>
    public string? Variable { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Variable} is indicator {InputIndicatorId} in indicator {IndicatorId}";
}
