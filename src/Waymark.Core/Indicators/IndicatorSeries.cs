using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>A value as the series needs it: entered, imported or calculated.</summary>
public sealed record ValueFacts(
    int Id, decimal? Value, string? NotAvailableReason, string? Commentary,
    int? EnteredByUserId, string EnteredByName, DateTimeOffset EnteredAt,
    string? VerifiedByName, DateTimeOffset? VerifiedAt, bool IsDemonstration, Guid Version,
    string? CalculatedFrom = null, bool UnusualConfirmed = false, ValueQueryState QueryState = ValueQueryState.None)
{
    /// <summary>What is being done about it, as entered with the value.</summary>
    public string? Remedial { get; init; }

    /// <summary>The owner's year-end forecast given with the value.</summary>
    public decimal? YearEndForecast { get; init; }

    public bool IsNotAvailable => Value is null;

    public bool IsVerified => VerifiedAt is not null;

    public bool IsCalculated => CalculatedFrom is not null;

    /// <summary>Not verified, queried, answered or verified: where the value's sign-off stands.</summary>
    public VerificationState Verification => ValueVerificationRules.State(VerifiedAt is not null, QueryState);

    public static ValueFacts From(IndicatorValue v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Id, v.Value, v.NotAvailableReason, v.Commentary, v.EnteredByUserId, v.EnteredByName, v.EnteredAt,
            v.VerifiedByName, v.VerifiedAt, v.IsDemonstration, v.Version, UnusualConfirmed: v.UnusualConfirmed, QueryState: v.QueryState)
        {
            Remedial = v.Remedial,
            YearEndForecast = v.YearEndForecast,
        };
    }
}

/// <summary>The parts of a definition that judge a value, as they stood for a period (earlier versions are kept).</summary>
public sealed record DefinitionInForce(int Number, IndicatorUnit Unit, int DecimalPlaces, Polarity Polarity, Aggregation Aggregation, Tolerance Tolerance);

/// <summary>
/// One period of an indicator: its target, value, status and direction of travel. <see cref="TargetIsYears"/>: the
/// target is the year's, judging a quarter or month that has none of its own (<see cref="IndicatorRules.TargetFor"/>).
/// </summary>
public sealed record PeriodRow(
    Period Period, Target? Target, ValueFacts? Value, IndicatorStatus Status, Direction? Direction, decimal? ComparisonValue,
    DateOnly Deadline, bool IsDue, DefinitionInForce Definition, bool TargetIsYears = false)
{
    /// <summary>The same period last year's value: what a relative target is resolved against (<see cref="IndicatorRules.Judging"/>).</summary>
    public decimal? LastYear { get; init; }

    /// <summary>"Not available" is an answer, not a gap: it is neither Missing nor judged against the target.</summary>
    public bool IsNotAvailable => Value is { IsNotAvailable: true };

    /// <summary>Still waiting for a value (Missing or Not due).</summary>
    public bool NeedsValue => Value is null;
}

/// <summary>One year of an indicator: the year's figure formed by the aggregation, against the year's target.</summary>
public sealed record YearRow(
    Period Year, Target? Target, decimal? Figure, IndicatorStatus Status, Direction? Direction, int PeriodsWithValues, int PeriodsInYear)
{
    /// <summary>Last year's figure: what a relative target is resolved against.</summary>
    public decimal? LastYear { get; init; }
}

/// <summary>What the series is built from: a definition, its earlier versions, targets and values.</summary>
public sealed record SeriesInput(
    Indicator Indicator, IReadOnlyList<IndicatorDefinitionVersion> Versions, IReadOnlyList<IndicatorTarget> Targets,
    IReadOnlyDictionary<Period, ValueFacts> Values);

/// <summary>An indicator's periods and years with status and direction, judged by <see cref="IndicatorRules"/>.</summary>
public sealed class IndicatorSeries
{
    private readonly Dictionary<Period, PeriodRow> _byPeriod;

    private IndicatorSeries(Indicator indicator, IReadOnlyList<PeriodRow> periods, IReadOnlyList<YearRow> years)
    {
        Indicator = indicator;
        Periods = periods;
        Years = years;
        _byPeriod = periods.ToDictionary(p => p.Period);
    }

    public Indicator Indicator { get; }

    /// <summary>Every period of the indicator's frequency that has started, in its collection years, oldest first.</summary>
    public IReadOnlyList<PeriodRow> Periods { get; }

    public IReadOnlyList<YearRow> Years { get; }

    /// <summary>The latest period with a value, or null.</summary>
    public PeriodRow? Latest => Periods.LastOrDefault(p => p.Value is not null);

    public PeriodRow? For(Period period) => _byPeriod.GetValueOrDefault(period);

    /// <summary>Status and figure for any period: the indicator's own period, or a year (its year figure).</summary>
    public (decimal? Figure, Target? Target, IndicatorStatus? Status, Direction? Direction) In(Period period)
    {
        if (For(period) is { } row)
        {
            return (row.Value?.Value, row.Target, row.Status, row.Direction);
        }

        return Years.FirstOrDefault(y => y.Year == period) is { } year
            ? (year.Figure, year.Target, year.Status, year.Direction)
            : (null, null, null, null);
    }

    /// <summary>
    /// Builds the series as at <paramref name="today"/> (periods not yet started are left out); with
    /// <paramref name="fromYear"/>, only the years from it on (the library judges one period, and needs its year and the
    /// year before for the directions of travel).
    /// </summary>
    public static IndicatorSeries Build(SeriesInput input, int yearStartMonth, int valuesDueDays, DateOnly today, Period? fromYear = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indicator = input.Indicator;
        var targets = input.Targets.ToDictionary(t => t.Period, t => t.AsTarget());
        var years = CollectionYears(indicator, input.Targets.Select(t => t.Period), input.Values.Keys, yearStartMonth, today)
            .Where(y => fromYear is not { } from || y >= from);

        var periods = new List<PeriodRow>();
        var yearRows = new List<YearRow>();
        decimal? previousYearFigure = null;
        var figures = new Dictionary<Period, decimal?>();
        foreach (var year in years)
        {
            var inYear = PeriodsOf(year, indicator.Frequency, yearStartMonth).Where(p => p.Start <= today).ToList();
            var yearValues = new List<decimal?>();
            var yearTarget = targets.GetValueOrDefault(year);
            foreach (var period in inYear)
            {
                var definition = InForce(indicator, input.Versions, period);
                var value = input.Values.GetValueOrDefault(period);
                // An annual indicator's own target is the year's; a quarter without one may be judged by it.
                var judgedBy = IndicatorRules.TargetFor(targets.GetValueOrDefault(period), yearTarget, definition.Aggregation);
                var target = judgedBy?.Target;
                var isDue = IndicatorRules.IsDue(period, valuesDueDays, today);
                // A relative target judges against the same period last year, and judges nothing without it.
                var lastYear = input.Values.GetValueOrDefault(period.SamePeriodLastYear())?.Value;
                var status = value is { IsNotAvailable: true }
                    ? IndicatorStatus.NoTarget
                    : IndicatorRules.Status(value?.Value, IndicatorRules.Judging(target, lastYear, definition.Polarity), definition.Polarity, definition.Tolerance, isDue);
                var comparisonPeriod = indicator.Comparison == Comparison.PreviousPeriod ? period.Previous() : period.SamePeriodLastYear();
                var comparison = input.Values.GetValueOrDefault(comparisonPeriod)?.Value;
                var direction = IndicatorRules.DirectionOfTravel(
                    value?.Value, comparison, definition.Polarity, definition.DecimalPlaces, indicator.NoChangeThreshold);
                periods.Add(new PeriodRow(period, target, value, status, direction, comparison,
                    IndicatorRules.Deadline(period, valuesDueDays), isDue, definition, judgedBy?.FromYear ?? false) { LastYear = lastYear });
                yearValues.Add(value?.Value);
            }

            var yearDefinition = InForce(indicator, input.Versions, year);
            var figure = IndicatorRules.YearFigure(yearValues, yearDefinition.Aggregation);
            var lastYearFigure = figures.GetValueOrDefault(year.Previous());
            var yearStatus = IndicatorRules.Status(
                figure, IndicatorRules.Judging(yearTarget, lastYearFigure, yearDefinition.Polarity), yearDefinition.Polarity, yearDefinition.Tolerance,
                IndicatorRules.IsDue(year, valuesDueDays, today));
            var yearDirection = IndicatorRules.DirectionOfTravel(
                figure, previousYearFigure, yearDefinition.Polarity, yearDefinition.DecimalPlaces, indicator.NoChangeThreshold);
            yearRows.Add(new YearRow(year, yearTarget, figure, yearStatus, yearDirection,
                yearValues.Count(v => v.HasValue), PeriodsOf(year, indicator.Frequency, yearStartMonth).Count) { LastYear = lastYearFigure });
            previousYearFigure = figure;
            figures[year] = figure;
        }

        return new IndicatorSeries(indicator, periods, yearRows);
    }

    /// <summary>The definition that applied to <paramref name="period"/>: an earlier version, or the current one.</summary>
    public static DefinitionInForce InForce(Indicator indicator, IReadOnlyList<IndicatorDefinitionVersion> versions, Period period)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(versions);
        foreach (var v in versions.OrderBy(v => v.Number))
        {
            if ((v.AppliesFrom is not { } from || period.Start >= from.Start) && period.Start <= v.AppliesUntil.End)
            {
                return new DefinitionInForce(v.Number, v.Unit, v.DecimalPlaces, v.Polarity, v.Aggregation, v.Tolerance);
            }
        }

        return new DefinitionInForce(versions.Count + 1, indicator.Unit, indicator.DecimalPlaces, indicator.Polarity, indicator.Aggregation, indicator.Tolerance);
    }

    /// <summary>The periods of the indicator's frequency in a financial year, in order.</summary>
    public static IReadOnlyList<Period> PeriodsOf(Period year, Frequency frequency, int yearStartMonth) => frequency switch
    {
        Frequency.Annual => [year],
        Frequency.Quarterly => Period.QuartersOf(year, yearStartMonth),
        Frequency.Monthly => Period.MonthsOf(year),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown frequency."),
    };

    /// <summary>
    /// The financial years values are collected for: from <see cref="Indicator.CollectFrom"/> (else the first year with a
    /// target or value) to <see cref="Indicator.CollectUntil"/> (else the latest year with a target, or the current
    /// year), never beyond the current year; plus any other year that holds a value.
    /// </summary>
    public static IReadOnlyList<Period> CollectionYears(
        Indicator indicator, IEnumerable<Period> targetPeriods, IEnumerable<Period> valuePeriods, int yearStartMonth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var targetYears = targetPeriods.Select(p => p.FinancialYearOf(yearStartMonth)).ToList();
        var valueYears = valuePeriods.Select(p => p.FinancialYearOf(yearStartMonth)).ToList();
        var current = Period.FinancialYearContaining(today, yearStartMonth);
        var known = targetYears.Concat(valueYears).ToList();
        var first = indicator.CollectFrom ?? (known.Count > 0 ? known.Min() : current);
        var last = indicator.CollectUntil ?? (targetYears.Count > 0 ? Max(targetYears.Max(), valueYears.Count > 0 ? valueYears.Max() : first) : current);
        if (last > current)
        {
            last = current;
        }

        var years = new SortedSet<Period>(valueYears);
        for (var y = first; y <= last; y = y.Next())
        {
            years.Add(y);
        }

        return years.Where(y => y.Start <= today).ToList();
    }

    private static Period Max(Period a, Period b) => a > b ? a : b;
}
