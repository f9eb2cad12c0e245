namespace Waymark.Web.Api;

// Indicators. Numbers are JSON numbers; settings are the words of IndicatorWords ("percentage", "higher",
// "quarterly", "cumulative"); periods are codes ("Q2011-04", "Y2009-04") with a label as people write them ("Q1 2011/12").

public sealed record UnitRefDto(int Id, string Name);

/// <summary>Who owns or leads an indicator: a post, a person, or both; name is how pages show it.</summary>
public sealed record IndicatorOwnerDto(int? PostId, int? PersonId, string? Name);

/// <summary>The baseline as the plan states it: "2008 = 33.9%" is value 33.9, period "2008".</summary>
public sealed record BaselineDto(decimal? Value, string? Period, string? Note);

/// <summary>The amber tolerance: kind "percent" (of the target) or "absolute" (in the indicator's unit).</summary>
public sealed record ToleranceDto(string Kind, decimal Amount);

/// <summary>A target: a number (value) or text as the plan wrote it (text, such as "Set baseline").</summary>
public sealed record TargetValueDto(decimal? Value, string? Text);

/// <summary>A target for a period (a year, or a quarter or month of its profile).</summary>
public sealed record IndicatorTargetDto(string Period, string Label, decimal? Value, string? Text);

/// <summary>
/// A period's figure as judged: status is green, amber, red, no-target, missing or not-due (statusText says it in
/// words); direction is improving, no-change or worsening, or null when there is nothing to compare with.
/// </summary>
public sealed record PeriodFigureDto(
    string Period, string Label, decimal? Value, string? NotAvailableReason, TargetValueDto? Target,
    string? Status, string? StatusText, string? Direction, string? DirectionText);

/// <summary>One indicator in the list, with its targets and latest figure.</summary>
public sealed record IndicatorSummaryDto(
    int Id, string? Code, string Title, string Unit, int DecimalPlaces, string Polarity, string Frequency, string Aggregation,
    IReadOnlyList<string> Tags, UnitRefDto? OwningUnit, IndicatorOwnerDto? DataOwner, IndicatorOwnerDto? Lead,
    BaselineDto? Baseline, ToleranceDto Tolerance, string Calculation, IReadOnlyList<IndicatorTargetDto> Targets,
    PeriodFigureDto? Latest, PeriodFigureDto? InPeriod, Guid Version);

/// <summary>
/// One period of an indicator: its value (null value with a notAvailableReason: not available; hasValue false: nothing
/// entered yet), who entered and verified it, its target, status and direction. version is the value's, for changes.
/// </summary>
public sealed record IndicatorValueDto(
    string Period, string Label, bool HasValue, decimal? Value, string? NotAvailableReason, string? Commentary,
    string? EnteredBy, DateTimeOffset? EnteredAt, string? VerifiedBy, DateTimeOffset? VerifiedAt, bool IsDemonstration,
    string? CalculatedFrom, Guid? Version, TargetValueDto? Target, string Status, string StatusText, string? Direction,
    string? DirectionText, DateOnly Deadline);

/// <summary>A year's figure, formed from its periods by the indicator's aggregation, against the year's target.</summary>
public sealed record IndicatorYearDto(
    string Year, string Label, decimal? Figure, TargetValueDto? Target, string Status, string StatusText,
    string? Direction, string? DirectionText, int PeriodsWithValues, int PeriodsInYear);

/// <summary>An earlier definition, kept for the periods it applied to.</summary>
public sealed record IndicatorVersionDto(
    int Number, string? AppliesFrom, string AppliesUntil, string? Code, string Title, string? Definition, string Unit,
    int DecimalPlaces, string Polarity, string Aggregation, ToleranceDto Tolerance, string? DataSource,
    string ReplacedBy, DateTimeOffset ReplacedAt);

/// <summary>One step in a value's history: kind is entered, changed, verified, verification-cleared or deleted.</summary>
public sealed record ValueEventDto(string Period, string Label, string Kind, decimal? Value, string? NotAvailableReason, string? Commentary, string By, DateTimeOffset At);

public sealed record IndicatorInputDto(string? Variable, int IndicatorId, string? Code, string Title);

/// <summary>An indicator with everything about it: definition, links, targets, values, years and history.</summary>
public sealed record IndicatorDto(
    int Id, string? Code, string Title, string? Definition, string Unit, int DecimalPlaces, string Polarity,
    string Frequency, string Aggregation, string Comparison, decimal? NoChangeThreshold, string? DataSource,
    IReadOnlyList<string> Tags, int? UnitId, UnitRefDto? OwningUnit, IndicatorOwnerDto? DataOwner, IndicatorOwnerDto? Lead,
    BaselineDto? Baseline, ToleranceDto Tolerance, string? CollectFrom, string? CollectUntil, string Calculation,
    string? Formula, IReadOnlyList<IndicatorInputDto> Inputs, IReadOnlyList<int> ObjectiveIds,
    IReadOnlyList<ObjectiveRefDto> Objectives, IReadOnlyList<IndicatorTargetDto> Targets,
    IReadOnlyList<IndicatorValueDto> Values, IReadOnlyList<IndicatorYearDto> Years,
    IReadOnlyList<IndicatorVersionDto> EarlierVersions, IReadOnlyList<ValueEventDto> History, Guid Version);

/// <summary>
/// An indicator to create or change. Settings are words (unit: none, number, percentage, currency, days, rate, ratio;
/// polarity: higher, lower, data-only; frequency: monthly, quarterly, annual; aggregation: sum, average, latest,
/// cumulative; toleranceKind: percent, absolute; comparison: same-period-last-year, previous-period; calculation:
/// none, formula, percent-on-target, percent-improving; tags: national, local, partnership, corporate-health,
/// public). Years are financial years ("2011/12"). A PUT replaces every field: send the ones you keep too.
/// </summary>
public sealed record IndicatorWriteDto(
    string? Code, string? Title, string? Definition, string? Unit, int? DecimalPlaces, string? Polarity,
    string? Frequency, string? Aggregation, string? DataSource, IReadOnlyList<string>? Tags, int? UnitId,
    int? DataOwnerPostId, int? DataOwnerPersonId, int? LeadPostId, int? LeadPersonId,
    decimal? BaselineValue, string? BaselinePeriod, string? BaselineNote, string? ToleranceKind, decimal? ToleranceAmount,
    string? Comparison, decimal? NoChangeThreshold, string? CollectFrom, string? CollectUntil,
    IReadOnlyList<int>? ObjectiveIds, string? Calculation, string? Formula, IReadOnlyList<IndicatorInputWriteDto>? Inputs,
    string? ChangeAppliesFrom, Guid? Version);

public sealed record IndicatorInputWriteDto(string? Variable, int? IndicatorId);

/// <summary>A year's target (a number, or text such as "Set baseline") and its profile: one per quarter or month.</summary>
public sealed record YearTargetsWriteDto(System.Text.Json.JsonElement? Target, IReadOnlyList<System.Text.Json.JsonElement>? Profile, Guid? Version);

/// <summary>A value for a period: a number, or notAvailable with the reason. version: the value's, when changing it.</summary>
public sealed record ValueWriteDto(decimal? Value, bool? NotAvailable, string? NotAvailableReason, string? Commentary, Guid? Version);

public sealed record VerifyWriteDto(Guid? Version);

/// <summary>One value of a bulk save: the indicator by id (indicator) or code, and the value as for a single save.</summary>
public sealed record BulkValueWriteDto(
    int? Indicator, string? Code, string? Period, decimal? Value, bool? NotAvailable, string? NotAvailableReason,
    string? Commentary, Guid? Version);

/// <summary>One saved item: outcome is created, updated or unchanged.</summary>
public sealed record BulkItemDto(int Index, int Indicator, string? Code, string Outcome, IndicatorValueDto? Value);

public sealed record BulkValuesDto(int Created, int Updated, int Unchanged, IReadOnlyList<BulkItemDto> Items);

/// <summary>An item of a refused bulk save: a conflict (current: the value as it now is, null when deleted) or a refusal.</summary>
public sealed record BulkProblemItemDto(int Index, int Indicator, string? Code, string? Period, string? Label, string? Reason, IndicatorValueDto? Current);
