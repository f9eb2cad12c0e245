using System.Globalization;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>
/// The data-quality guards on targets, values and definitions (docs/indicator-rules.md, "Data-quality guards"), once
/// for pages, the API and imports: a target that looks like a mistyped number, a value outside the indicator's range,
/// a value far from both its comparators, an impossible baseline and an aggregation that cannot be right for the unit.
/// Plain functions: no database, no clock.
/// </summary>
public static class DataQualityRules
{
    /// <summary>A value is unusual when it differs from each comparator by more than this share of it (50%)…</summary>
    public const decimal UnusualChangePercent = 50m;

    /// <summary>
    /// Whether text typed as a target is most likely a number typed wrongly ("39..5", "1e5", "31/02/2011", "1,0"): it
    /// has a digit, nothing but digits, number and date punctuation (and an exponent's "e"), and does not read as a
    /// number. Text with words ("Set baseline", "15.3% (tentative baseline)") is a text target as written.
    /// </summary>
    public static bool LooksLikeMistypedNumber(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || IndicatorNumbers.TryParse(t, out _) || !t.Any(char.IsAsciiDigit))
        {
            return false;
        }

        return t.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '/' or '-' or '+' or '%' or '£' or 'e' or 'E' or ' ');
    }

    /// <summary>Why a target is refused as a mistyped number, against its field.</summary>
    public static string MistypedTarget(string text) =>
        $"\u201c{text.Trim()}\u201d is not a number: correct it (like 33.9 or 1,010), or choose to save it as a text target";

    /// <summary>
    /// The lowest and highest values an indicator's values and targets may take: its own minimum and maximum where set,
    /// else 0 and 100 for a percentage; no limit otherwise.
    /// </summary>
    public static (decimal? Minimum, decimal? Maximum) RangeOf(IndicatorUnit unit, decimal? minimum, decimal? maximum) =>
        unit == IndicatorUnit.Percentage ? (minimum ?? 0m, maximum ?? 100m) : (minimum, maximum);

    /// <summary>
    /// Null when <paramref name="number"/> is within the range (<see cref="RangeOf"/>); else why not, naming
    /// <paramref name="what"/> ("The value", "The target", "The baseline") and the range in the indicator's unit.
    /// </summary>
    public static string? OutOfRange(decimal number, IndicatorUnit unit, int decimalPlaces, decimal? minimum, decimal? maximum, string what)
    {
        var (min, max) = RangeOf(unit, minimum, maximum);
        if ((min is null || number >= min) && (max is null || number <= max))
        {
            return null;
        }

        string Show(decimal n) => Shown(n, unit, decimalPlaces);
        var range = (min, max) switch
        {
            ({ } lo, { } hi) => $"between {Show(lo)} and {Show(hi)}",
            ({ } lo, null) => $"{Show(lo)} or more",
            (null, { } hi) => $"{Show(hi)} or less",
            _ => "",
        };
        var allowed = minimum is null && maximum is null && unit == IndicatorUnit.Percentage
            ? ", as a percentage; if this indicator can go beyond that, set its lowest and highest values on its definition"
            : ", as this indicator's definition sets";
        return $"{what} must be {range}{allowed}";
    }

    /// <summary>
    /// A number in a message: at the indicator's decimal places, or more where it was typed with more (3.25 stays
    /// 3.25); trailing zeros a database adds (33.0000000000) do not count.
    /// </summary>
    public static string Shown(decimal number, IndicatorUnit unit, int decimalPlaces)
    {
        var typed = IndicatorNumbers.DecimalPlaces(number / 1.0000000000000000000000000000m);
        return IndicatorNumbers.Format(number, unit, Math.Max(decimalPlaces, typed));
    }

    /// <summary>The range check for an indicator's own limits.</summary>
    public static string? OutOfRange(decimal number, Indicator indicator, string what)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return OutOfRange(number, indicator.Unit, indicator.DecimalPlaces, indicator.Minimum, indicator.Maximum, what);
    }

    /// <summary>
    /// Whether a value is far from what came before, so that the person is asked "are you sure?" once: it differs from
    /// every comparator there is (the previous period's value, the same period last year's) by more than
    /// <see cref="UnusualChangePercent"/> of that comparator and by more than the indicator's tolerance around it.
    /// With no comparator there is nothing to judge by: never unusual. A value equal to either comparator is never unusual.
    /// </summary>
    public static bool IsUnusual(decimal value, decimal? previous, decimal? lastYear, Tolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        var comparators = new[] { previous, lastYear }.Where(c => c.HasValue).Select(c => c!.Value).ToList();
        return comparators.Count > 0 && comparators.All(c => IsFarFrom(value, c, tolerance));
    }

    private static bool IsFarFrom(decimal value, decimal comparator, Tolerance tolerance)
    {
        var difference = Math.Abs(value - comparator);
        return difference > Math.Abs(comparator) * UnusualChangePercent / 100m && difference > tolerance.For(comparator);
    }

    /// <summary>The "are you sure?" question, naming the comparators it was judged against.</summary>
    public static string UnusualQuestion(string typed, IEnumerable<string> comparedWith) =>
        $"{typed} is very different from {string.Join(" and ", comparedWith)}. Check it, then confirm it is right to save it";

    /// <summary>
    /// Null when the aggregation suits the unit; else why not. A year's percentage or rate is not the sum of its
    /// periods' (four quarters of 85% are not 340%): average, latest or cumulative year to date are.
    /// </summary>
    public static string? WhyNotAggregation(IndicatorUnit unit, Aggregation aggregation) =>
        aggregation == Aggregation.Sum && unit is IndicatorUnit.Percentage or IndicatorUnit.Rate or IndicatorUnit.Ratio
            ? $"A {(unit == IndicatorUnit.Percentage ? "percentage" : unit == IndicatorUnit.Rate ? "rate" : "ratio")} cannot be added up over the year: choose average, latest or cumulative year to date"
            : null;

    /// <summary>
    /// Null when the baseline period is possible; else why not. Words are kept as written ("Place survey 2008"); a
    /// year such as "2008" or "2008/09", a quarter, a month or a date must be a real one ("31/02/2011" and "2008/07" are
    /// not) and must not be in the future.
    /// </summary>
    public static string? WhyNotBaselinePeriod(string? text, int yearStartMonth, DateOnly today)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        var parsed = PeriodText.Parse(t, yearStartMonth);
        DateOnly? starts = parsed.Kind switch
        {
            PeriodTextKind.Period => parsed.Period!.Value.Start,
            PeriodTextKind.Date => parsed.Date,
            _ when t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200
                => new DateOnly(year, 1, 1),
            _ => null,
        };
        if (starts is { } start)
        {
            return start > today ? $"The baseline period {t} is in the future: a baseline is a figure already measured" : null;
        }

        var looksLikeWhen = t.All(c => char.IsAsciiDigit(c) || c is '/' or '-' or '.' or ' ' or 'q' or 'Q') && t.Any(char.IsAsciiDigit);
        return looksLikeWhen
            ? $"The baseline period {t} is not a real year, quarter, month or date: enter it like 2008, 2008/09, Q1 2008/09 or 01/04/2008"
            : null;
    }
}
