using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>
/// The indicator rules of DESIGN.md §3, in one place: status against target, direction of travel, how a year's
/// figure is formed from its periods, and the roll-ups "% on target" and "% improving". Pages, API, reports and
/// exports call these; none computes a status on its own. Plain functions: no database, no clock (the caller passes
/// "today").
/// </summary>
public static class IndicatorRules
{
    /// <summary>
    /// The status of an actual value against a target (DESIGN.md §3), with T the numeric target and t the tolerance
    /// (<see cref="Tolerance.For"/>: a percentage is of |T|):
    /// <list type="bullet">
    /// <item>no value: <see cref="IndicatorStatus.Missing"/> when <paramref name="isDue"/> (the period's deadline has
    /// passed, see <see cref="IsDue"/>), else <see cref="IndicatorStatus.NotDue"/>. This applies to data-only
    /// indicators and text targets too: their values are still collected.</item>
    /// <item>data only, no target, or a text target: <see cref="IndicatorStatus.NoTarget"/>.</item>
    /// <item>higher is better: Green if A ≥ T; Amber if A ≥ T − t; else Red.</item>
    /// <item>lower is better: Green if A ≤ T; Amber if A ≤ T + t; else Red.</item>
    /// </list>
    /// The comparison is on the values as given: no rounding to the indicator's decimal places.
    /// </summary>
    public static IndicatorStatus Status(
        decimal? actual, Target? target, Polarity polarity, Tolerance tolerance, bool isDue)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        CheckPolarity(polarity);

        // §3: "no value entered and the period's deadline has passed: Missing; not yet due: Not due".
        if (actual is not { } a)
        {
            return isDue ? IndicatorStatus.Missing : IndicatorStatus.NotDue;
        }

        // §3: "data only, no target, or a text target: No target (no colour)".
        if (polarity == Polarity.DataOnly || target?.Value is not { } t)
        {
            return IndicatorStatus.NoTarget;
        }

        var band = tolerance.For(t);
        return polarity == Polarity.HigherIsBetter
            ? a >= t ? IndicatorStatus.Green : a >= t - band ? IndicatorStatus.Amber : IndicatorStatus.Red
            : a <= t ? IndicatorStatus.Green : a <= t + band ? IndicatorStatus.Amber : IndicatorStatus.Red;
    }

    /// <summary>
    /// A relative target made a number (<see cref="TargetKind.BetterThanLastYear"/>): last year's figure for the same
    /// period, bettered by the amount in the indicator's good direction — less for lower is better (Stockton's 9.2 days
    /// lost per FTE with "a reduction of at least 0.5" gives 8.7), more for higher is better. A level target is its own
    /// number (null for a text target). Null, so that nothing is judged, when last year's figure is missing or the
    /// indicator is data only.
    /// </summary>
    public static decimal? Resolve(Target? target, decimal? lastYear, Polarity polarity)
    {
        CheckPolarity(polarity);
        if (target?.BetterBy is not { } by)
        {
            return target?.Value;
        }

        if (lastYear is not { } last || polarity == Polarity.DataOnly)
        {
            return null;
        }

        return polarity == Polarity.LowerIsBetter ? last - by : last + by;
    }

    /// <summary>
    /// The target that judges a value (<see cref="Status"/>): a relative target resolved to a number against last
    /// year's figure (<see cref="Resolve"/>), or none when it cannot be; any other target as it is.
    /// </summary>
    public static Target? Judging(Target? target, decimal? lastYear, Polarity polarity) =>
        target?.BetterBy is null ? target
            : Resolve(target, lastYear, polarity) is { } resolved ? Target.Numeric(resolved) : null;

    /// <summary>
    /// Whether a value for <paramref name="period"/> is due on <paramref name="today"/>: its deadline is
    /// <paramref name="daysAfterPeriodEnd"/> days after the period's last day (the organisation's setting), and the
    /// value is due once that deadline has passed (DESIGN.md §3: Missing vs Not due). On the deadline day itself it is
    /// not yet overdue.
    /// </summary>
    public static bool IsDue(Period period, int daysAfterPeriodEnd, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysAfterPeriodEnd);
        return today > Deadline(period, daysAfterPeriodEnd);
    }

    /// <summary>The last day a value for <paramref name="period"/> may be entered before it is Missing.</summary>
    public static DateOnly Deadline(Period period, int daysAfterPeriodEnd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysAfterPeriodEnd);
        return period.End.AddDays(daysAfterPeriodEnd);
    }

    /// <summary>
    /// Direction of travel of <paramref name="actual"/> against <paramref name="comparison"/> (the same period a year
    /// earlier, or the previous period where the indicator says so), in the indicator's good direction
    /// (DESIGN.md §3). Null (nothing shown) when either value is missing or the indicator is data only.
    /// "No change" when the two are equal at <paramref name="decimalPlaces"/> (rounded half away from zero), or,
    /// when a <paramref name="threshold"/> is given, when they differ by no more than it.
    /// </summary>
    public static Direction? DirectionOfTravel(
        decimal? actual, decimal? comparison, Polarity polarity, int decimalPlaces, decimal? threshold = null)
    {
        CheckPolarity(polarity);
        ArgumentOutOfRangeException.ThrowIfNegative(decimalPlaces);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimalPlaces, 28);
        if (threshold is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(threshold));
        }

        if (actual is not { } a || comparison is not { } c || polarity == Polarity.DataOnly)
        {
            return null;
        }

        var noChange = threshold is { } th
            ? Math.Abs(a - c) <= th
            : Round(a, decimalPlaces) == Round(c, decimalPlaces);
        if (noChange)
        {
            return Direction.NoChange;
        }

        var better = polarity == Polarity.HigherIsBetter ? a > c : a < c;
        return better ? Direction.Improving : Direction.Worsening;
    }

    /// <summary>
    /// A year's figure from its period values in period order (null where no value was entered), by the indicator's
    /// aggregation (DESIGN.md §2): <see cref="Aggregation.Sum"/> and <see cref="Aggregation.Average"/> of the values
    /// present; <see cref="Aggregation.Latest"/> the latest value present; <see cref="Aggregation.CumulativeYearToDate"/>
    /// the latest cumulative value (each value is already a running total, so summing them would count twice).
    /// Null when no value is present.
    /// </summary>
    public static decimal? YearFigure(IReadOnlyList<decimal?> periodValuesInOrder, Aggregation aggregation)
    {
        ArgumentNullException.ThrowIfNull(periodValuesInOrder);
        if (!Enum.IsDefined(aggregation))
        {
            throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation.");
        }

        var present = periodValuesInOrder.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (present.Count == 0)
        {
            return null;
        }

        return aggregation switch
        {
            Aggregation.Sum => present.Sum(),
            Aggregation.Average => present.Sum() / present.Count,
            _ => present[^1], // Latest and CumulativeYearToDate: the latest value present.
        };
    }

    /// <summary>
    /// The target that judges a quarter or month: its own profiled target where one is set; otherwise, when the year's
    /// figure is the average or the latest of its periods, the year's target, which then holds for every period ("85% of
    /// invoices paid within 30 days" applies each quarter). A summed or cumulative year target is not a quarter's (a
    /// year's 1,000 is not each quarter's 1,000): those periods need a profile (<see cref="ProRataProfile"/>).
    /// <see cref="PeriodTarget.FromYear"/> says the year's target was used, so that pages can say so.
    /// </summary>
    public static PeriodTarget? TargetFor(Target? own, Target? yearTarget, Aggregation aggregation)
    {
        if (own is not null)
        {
            return new PeriodTarget(own, FromYear: false);
        }

        return yearTarget is not null && aggregation is Aggregation.Average or Aggregation.Latest
            ? new PeriodTarget(yearTarget, FromYear: true)
            : null;
    }

    /// <summary>
    /// A pro-rata profile of a numeric year target over <paramref name="periods"/> quarters or months, for an indicator
    /// whose year figure is summed or cumulative: for a sum, an equal share each (rounded to the decimal places, the
    /// last period taking what rounding left, so the profile adds up to the year target); for cumulative year to date,
    /// the running total due by the end of each period (the last one is the year target). Null for an average or
    /// latest value, which the year target judges as it is (<see cref="TargetFor"/>).
    /// </summary>
    public static IReadOnlyList<decimal>? ProRataProfile(decimal yearTarget, int periods, Aggregation aggregation, int decimalPlaces)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periods, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(decimalPlaces);
        if (aggregation is not (Aggregation.Sum or Aggregation.CumulativeYearToDate))
        {
            return null;
        }

        var profile = new List<decimal>(periods);
        for (var n = 1; n <= periods; n++)
        {
            var runningTotal = n == periods ? yearTarget : Round(yearTarget * n / periods, decimalPlaces);
            profile.Add(aggregation == Aggregation.CumulativeYearToDate ? runningTotal : runningTotal - profile.Sum());
        }

        return profile;
    }

    /// <summary>
    /// "% on target" for a roll-up (DESIGN.md §3): Green ÷ (Green + Amber + Red) × 100. No target, Missing and Not due
    /// are not counted. Null when there is no Green, Amber or Red status.
    /// </summary>
    public static decimal? PercentOnTarget(IEnumerable<IndicatorStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        return PercentOf(
            statuses,
            counts: s => s is IndicatorStatus.Green or IndicatorStatus.Amber or IndicatorStatus.Red,
            isGood: s => s == IndicatorStatus.Green);
    }

    /// <summary>
    /// "% improving" for a roll-up: Improving ÷ (Improving + No change + Worsening) × 100, over each indicator's
    /// direction of travel (<see cref="DirectionOfTravel"/>). An indicator with no direction (null: no comparison
    /// value, or data only) is not counted. Null when no direction is counted.
    /// </summary>
    public static decimal? PercentImproving(IEnumerable<Direction?> directions)
    {
        ArgumentNullException.ThrowIfNull(directions);
        return PercentOf(directions, counts: d => d.HasValue, isGood: d => d == Direction.Improving);
    }

    // The share of the counted items that are good, × 100; null when none is counted. One loop for both roll-ups.
    private static decimal? PercentOf<T>(IEnumerable<T> items, Func<T, bool> counts, Func<T, bool> isGood)
    {
        int good = 0, counted = 0;
        foreach (var item in items)
        {
            if (counts(item))
            {
                counted++;
                if (isGood(item))
                {
                    good++;
                }
            }
        }

        return counted == 0 ? null : good * 100m / counted;
    }

    private static decimal Round(decimal value, int decimalPlaces) =>
        Math.Round(value, decimalPlaces, MidpointRounding.AwayFromZero);

    private static void CheckPolarity(Polarity polarity)
    {
        if (!Enum.IsDefined(polarity))
        {
            throw new ArgumentOutOfRangeException(nameof(polarity), polarity, "Unknown polarity.");
        }
    }
}

/// <summary>The target that judges a period, and whether it is the year's (not the period's own profiled target).</summary>
public sealed record PeriodTarget(Target Target, bool FromYear);
