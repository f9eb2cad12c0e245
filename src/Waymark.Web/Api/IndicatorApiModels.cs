using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Indicators;

namespace Waymark.Web.Api;

// Indicators. Numbers are JSON numbers; settings are the words of IndicatorWords ("percentage", "higher",
// "quarterly", "cumulative"); periods are codes ("Q2011-04", "Y2009-04") with a label as people write them ("Q1 2011/12").

/// <summary>Who owns or leads an indicator: a post, a person, or both; name is how pages show it.</summary>
public sealed record IndicatorOwnerDto(int? PostId, int? PersonId, string? Name);

/// <summary>The baseline as the plan states it: "2008 = 33.9%" is value 33.9, period "2008".</summary>
public sealed record BaselineDto(decimal? Value, string? Period, string? Note);

/// <summary>The amber tolerance: kind "percent" (of the target) or "absolute" (in the indicator's unit).</summary>
public sealed record ToleranceDto(string Kind, decimal Amount);

/// <summary>A target: a number (value) or text as the plan wrote it (text, such as "Set baseline").</summary>
public sealed record TargetValueDto(decimal? Value, string? Text)
{
    /// <summary>For a target relative to last year: how much better than last year's figure, at least.</summary>
    public decimal? BetterThanLastYearBy { get; init; }
}

/// <summary>A target for a period (a year, or a quarter or month of its profile).</summary>
public sealed record IndicatorTargetDto(string Period, string Label, decimal? Value, string? Text)
{
    /// <summary>For a target relative to last year: how much better than last year's figure, at least.</summary>
    public decimal? BetterThanLastYearBy { get; init; }
}

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
    string? DirectionText, DateOnly Deadline, string? Verification = null)
{
    /// <summary>The target is the year's, judging a period without one of its own (an average or latest value).</summary>
    public bool TargetIsYears { get; init; }

    /// <summary>Whoever entered it confirmed it although it is far from the previous period and last year.</summary>
    public bool UnusualConfirmed { get; init; }
}

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
public sealed record ValueEventDto(string Period, string Label, string Kind, decimal? Value, string? NotAvailableReason, string? Commentary, string By, DateTimeOffset At, string? Note = null)
{
    /// <summary>The value was confirmed although far from the previous period and last year.</summary>
    public bool UnusualConfirmed { get; init; }
}

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
    IReadOnlyList<IndicatorVersionDto> EarlierVersions, IReadOnlyList<ValueEventDto> History, Guid Version)
{
    /// <summary>The lowest value values, targets and the baseline may take (null: none; a percentage is 0 to 100 unless set).</summary>
    public decimal? Minimum { get; init; }

    /// <summary>The highest value (null: none; 100 for a percentage unless set).</summary>
    public decimal? Maximum { get; init; }
}

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
    string? ChangeAppliesFrom, Guid? Version)
{
    /// <summary>The lowest value values, targets and the baseline may take; null: none (0 for a percentage).</summary>
    public decimal? Minimum { get; init; }

    /// <summary>The highest value; null: none (100 for a percentage).</summary>
    public decimal? Maximum { get; init; }
}

public sealed record IndicatorInputWriteDto(string? Variable, int? IndicatorId);

/// <summary>A year's target (a number, or text such as "Set baseline") and its profile: one per quarter or month.</summary>
public sealed record YearTargetsWriteDto(System.Text.Json.JsonElement? Target, IReadOnlyList<System.Text.Json.JsonElement>? Profile, Guid? Version)
{
    /// <summary>True: a string that looks like a mistyped number ("39..5") is meant as a text target, as written.</summary>
    public bool? SaveAsText { get; init; }

    /// <summary>True: remove the year's targets (send no target and no profile). A request with neither is refused.</summary>
    public bool? Clear { get; init; }

    /// <summary>Instead of a target: how much better than last year's figure the year's must be, at least (0.5).</summary>
    public decimal? BetterThanLastYearBy { get; init; }
}

/// <summary>A pro-rata profile worked out from a year target, for a summed or cumulative indicator: not saved.</summary>
public sealed record ProRataProfileDto(string Year, decimal Target, IReadOnlyList<IndicatorTargetDto> Profile);

/// <summary>A value for a period: a number, or notAvailable with the reason. version: the value's, when changing it.</summary>
public sealed record ValueWriteDto(decimal? Value, bool? NotAvailable, string? NotAvailableReason, string? Commentary, Guid? Version)
{
    /// <summary>
    /// True: the value is right although far from the previous period and last year. Without it such a value is
    /// refused with 400 and the question against confirmUnusual.
    /// </summary>
    public bool? ConfirmUnusual { get; init; }

    /// <summary>What is being done about it (needed for a Red value where the organisation's commentary rules ask).</summary>
    public string? Remedial { get; init; }

    /// <summary>The owner's year-end forecast of the year's figure; omitted or null for none (the forecast is then projected).</summary>
    public decimal? YearEndForecast { get; init; }

    /// <summary>Why a value of a locked period (its monitoring round closed) is being changed; required only then.</summary>
    public string? CorrectionReason { get; init; }
}

public sealed record VerifyWriteDto(Guid? Version);

/// <summary>A query to the owner, or the owner's answer: the note, and the version of the value read.</summary>
public sealed record ValueNoteWriteDto(string? Note, Guid? Version);

/// <summary>A correction in answer to a query: the value as it should be (as for a save) and a note saying what was wrong.</summary>
public sealed record ValueCorrectionWriteDto(decimal? Value, bool? NotAvailable, string? NotAvailableReason, string? Commentary, string? Note, Guid? Version);

/// <summary>A value's thread: its state now and every step, oldest first (note: the query, answer or correction note).</summary>
public sealed record ValueThreadDto(string Period, string Label, string? Verification, IReadOnlyList<ValueEventDto> Steps);

/// <summary>One value of a bulk save: the indicator by id (indicator) or code, and the value as for a single save.</summary>
public sealed record BulkValueWriteDto(
    int? Indicator, string? Code, string? Period, decimal? Value, bool? NotAvailable, string? NotAvailableReason,
    string? Commentary, Guid? Version)
{
    /// <summary>
    /// True: the value is right although far from the previous period and last year. Without it such an item is
    /// refused (400, the question against items[i].confirmUnusual) and nothing is saved.
    /// </summary>
    public bool? ConfirmUnusual { get; init; }
    /// <summary>What is being done about it (needed for a Red value where the organisation's commentary rules ask).</summary>
    public string? Remedial { get; init; }
    /// <summary>Why a value of a locked period is being changed; required only then.</summary>
    public string? CorrectionReason { get; init; }
}

/// <summary>One saved item: outcome is created, updated or unchanged.</summary>
public sealed record BulkItemDto(int Index, int Indicator, string? Code, string Outcome, IndicatorValueDto? Value);

public sealed record BulkValuesDto(int Created, int Updated, int Unchanged, IReadOnlyList<BulkItemDto> Items);

/// <summary>An item of a refused bulk save: a conflict (current: the value as it now is, null when deleted) or a refusal.</summary>
public sealed record BulkProblemItemDto(int Index, int Indicator, string? Code, string? Period, string? Label, string? Reason, IndicatorValueDto? Current);

/// <summary>One value of a bulk verification: the indicator's id, the period and the version of the value read.</summary>
public sealed record BulkVerifyWriteDto(int? Indicator, string? Period, Guid? Version);

/// <summary>
/// One item of a bulk verification. result: verified (saved), or, when nothing was verified, why this one stopped the
/// batch: forbidden (not yours to verify, or your own entry), conflict (changed since read; current as it now is),
/// notFound (deleted or never there).
/// </summary>
public sealed record BulkVerifyItemDto(int Index, int Indicator, string? Period, string? Label, string Result, string? Reason, IndicatorValueDto? Value);

public sealed record BulkVerifyDto(int Verified, IReadOnlyList<BulkVerifyItemDto> Items);

/// <summary>The indicator DTOs made from what <see cref="IndicatorQueries"/> reads, with words and texts as pages show them.</summary>
internal static class IndicatorDtos
{
    internal static async Task<IndicatorDto?> DetailAsync(int id, IndicatorQueries queries, WaymarkDbContext db, int yearStart, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(id, ct);
        if (detail is null)
        {
            return null;
        }

        var i = detail.Series.Indicator;
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == id).ToListAsync(ct);
        return new IndicatorDto(
            i.Id, i.Code, i.Title, i.Definition, IndicatorWords.Word(i.Unit), i.DecimalPlaces, IndicatorWords.Word(i.Polarity),
            IndicatorWords.Word(i.Frequency), IndicatorWords.Word(i.Aggregation), IndicatorWords.Word(i.Comparison), i.NoChangeThreshold,
            i.DataSource, IndicatorWords.TagWords(i.Tags), i.UnitId, i.OwningUnit is { } u ? new UnitRefDto(u.Id, u.Name) : null,
            DataOwner(i), Lead(i), Baseline(i), Tolerance(i.Tolerance), i.CollectFrom?.Format(yearStart), i.CollectUntil?.Format(yearStart),
            IndicatorWords.Word(i.Calculation), i.Formula,
            detail.Inputs.Select(x => new IndicatorInputDto(x.Variable, x.Input.Id, x.Input.Code, x.Input.Title)).ToList(),
            detail.Objectives.Select(o => o.Id).ToList(),
            detail.Objectives.Select(o => new ObjectiveRefDto(o.Id, o.Reference, o.Title, o.LevelName)).ToList(),
            Targets(targets, yearStart),
            detail.Series.Periods.Select(r => ToDto(r, yearStart)).ToList(),
            detail.Series.Years.Select(y => new IndicatorYearDto(
                y.Year.Code, y.Year.Format(yearStart), y.Figure, ToDto(y.Target), IndicatorWords.Word(y.Status), IndicatorText.StatusText(y.Status),
                DirectionWord(y.Direction), DirectionText(y.Direction), y.PeriodsWithValues, y.PeriodsInYear)).ToList(),
            detail.Versions.Select(v => new IndicatorVersionDto(
                v.Number, v.AppliesFrom?.Format(yearStart), v.AppliesUntil.Format(yearStart), v.Code, v.Title, v.Definition,
                IndicatorWords.Word(v.Unit), v.DecimalPlaces, IndicatorWords.Word(v.Polarity), IndicatorWords.Word(v.Aggregation),
                Tolerance(v.Tolerance), v.DataSource, v.ReplacedByName, v.ReplacedAt)).ToList(),
            detail.History.Select(e => new ValueEventDto(
                e.Period.Code, e.Period.Format(yearStart), EventWord(e.Kind), e.Value, e.NotAvailableReason, e.Commentary, e.ByName, e.At, e.Note)
            {
                UnusualConfirmed = e.UnusualConfirmed,
            }).ToList(),
            i.Version)
        {
            Minimum = i.Minimum,
            Maximum = i.Maximum,
        };
    }

    internal static IndicatorValueDto ToDto(PeriodRow r, int yearStart)
    {
        var v = r.Value;
        return new IndicatorValueDto(
            r.Period.Code, r.Period.Format(yearStart), v is not null, v?.Value, v?.NotAvailableReason, v?.Commentary,
            v?.EnteredByName, v?.EnteredAt, v?.VerifiedByName, v?.VerifiedAt, v?.IsDemonstration ?? false, v?.CalculatedFrom,
            v is null || v.IsCalculated ? null : v.Version, ToDto(r.Target), IndicatorWords.Word(r.Status), IndicatorText.StatusText(r.Status),
            DirectionWord(r.Direction), DirectionText(r.Direction), r.Deadline, v is null || v.IsCalculated ? null : v.Verification.Word())
        {
            TargetIsYears = r.TargetIsYears,
            UnusualConfirmed = v?.UnusualConfirmed ?? false,
        };
    }

    internal static List<IndicatorTargetDto> Targets(IEnumerable<IndicatorTarget> targets, int yearStart) =>
        targets.OrderBy(t => t.Period.Start).ThenByDescending(t => t.Period.LengthInMonths)
            .Select(t => new IndicatorTargetDto(t.Period.Code, t.Period.Format(yearStart), t.Value, t.Value is null ? t.Text : null) { BetterThanLastYearBy = t.RelativeAmount }).ToList();

    internal static TargetValueDto? ToDto(Target? t) => t is null ? null : new TargetValueDto(t.Value, t.Text) { BetterThanLastYearBy = t.BetterBy };

    internal static string? DirectionWord(Direction? d) => d is { } x ? IndicatorWords.Word(x) : null;

    internal static string? DirectionText(Direction? d) => d is null ? null : IndicatorText.DirectionText(d);

    internal static string EventWord(ValueEventKind kind) => kind switch
    {
        ValueEventKind.Entered => "entered",
        ValueEventKind.Changed => "changed",
        ValueEventKind.Verified => "verified",
        ValueEventKind.VerificationCleared => "verification-cleared",
        ValueEventKind.Queried => "queried",
        ValueEventKind.Answered => "answered",
        ValueEventKind.Corrected => "corrected",
        _ => "deleted",
    };

    internal static ToleranceDto Tolerance(Tolerance t) => new(IndicatorWords.Word(t.Kind), t.Amount);

    internal static BaselineDto? Baseline(Indicator i) =>
        i.BaselineValue is null && i.BaselinePeriod is null && i.BaselineNote is null ? null : new BaselineDto(i.BaselineValue, i.BaselinePeriod, i.BaselineNote);

    internal static IndicatorOwnerDto? DataOwner(Indicator i) =>
        i.DataOwnerPostId is null && i.DataOwnerPersonId is null ? null
            : new IndicatorOwnerDto(i.DataOwnerPostId, i.DataOwnerPersonId, IndicatorQueries.OwnerText(i.DataOwnerPost, i.DataOwnerPerson));

    internal static IndicatorOwnerDto? Lead(Indicator i) =>
        i.LeadPostId is null && i.LeadPersonId is null ? null
            : new IndicatorOwnerDto(i.LeadPostId, i.LeadPersonId, IndicatorQueries.OwnerText(i.LeadPost, i.LeadPerson));
}
