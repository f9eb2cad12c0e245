using System.Globalization;

namespace Waymark.Core.Indicators;

/// <summary>
/// The words that name an indicator's settings in the API, imports, exports and the demo files ("percentage",
/// "higher", "quarterly", "cumulative"): one list, so that every way in and out of Waymark reads and writes the same.
/// </summary>
public static class IndicatorWords
{
    public static IReadOnlyDictionary<string, IndicatorUnit> Units { get; } = Map(
        ("none", IndicatorUnit.None), ("number", IndicatorUnit.Number), ("percentage", IndicatorUnit.Percentage),
        ("currency", IndicatorUnit.Currency), ("days", IndicatorUnit.Days), ("rate", IndicatorUnit.Rate), ("ratio", IndicatorUnit.Ratio));

    public static IReadOnlyDictionary<string, Polarity> Polarities { get; } = Map(
        ("higher", Polarity.HigherIsBetter), ("lower", Polarity.LowerIsBetter), ("data-only", Polarity.DataOnly));

    public static IReadOnlyDictionary<string, Frequency> Frequencies { get; } = Map(
        ("monthly", Frequency.Monthly), ("quarterly", Frequency.Quarterly), ("annual", Frequency.Annual));

    public static IReadOnlyDictionary<string, Aggregation> Aggregations { get; } = Map(
        ("sum", Aggregation.Sum), ("average", Aggregation.Average), ("latest", Aggregation.Latest),
        ("cumulative", Aggregation.CumulativeYearToDate));

    public static IReadOnlyDictionary<string, ToleranceKind> ToleranceKinds { get; } = Map(
        ("percent", ToleranceKind.PercentOfTarget), ("absolute", ToleranceKind.Absolute));

    public static IReadOnlyDictionary<string, Comparison> Comparisons { get; } = Map(
        ("same-period-last-year", Comparison.SamePeriodLastYear), ("previous-period", Comparison.PreviousPeriod));

    public static IReadOnlyDictionary<string, CalculationKind> Calculations { get; } = Map(
        ("none", CalculationKind.None), ("formula", CalculationKind.Formula),
        ("percent-on-target", CalculationKind.PercentOnTarget), ("percent-improving", CalculationKind.PercentImproving));

    public static IReadOnlyDictionary<string, IndicatorTags> Tags { get; } = Map(
        ("national", IndicatorTags.National), ("local", IndicatorTags.Local), ("partnership", IndicatorTags.Partnership),
        ("corporate-health", IndicatorTags.CorporateHealth), ("public", IndicatorTags.Public));

    public static IReadOnlyDictionary<string, IndicatorStatus> Statuses { get; } = Map(
        ("green", IndicatorStatus.Green), ("amber", IndicatorStatus.Amber), ("red", IndicatorStatus.Red),
        ("no-target", IndicatorStatus.NoTarget), ("missing", IndicatorStatus.Missing), ("not-due", IndicatorStatus.NotDue));

    public static IReadOnlyDictionary<string, Direction> Directions { get; } = Map(
        ("improving", Direction.Improving), ("no-change", Direction.NoChange), ("worsening", Direction.Worsening));

    /// <summary>The word for a value of one of the enums above ("percentage" for <see cref="IndicatorUnit.Percentage"/>).</summary>
    public static string Word<T>(T value)
        where T : struct, Enum =>
        WordsOf<T>().FirstOrDefault(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Key
        ?? throw new ArgumentOutOfRangeException(nameof(value), value, "No word for this value.");

    /// <summary>The words of a set of tags, in the order of <see cref="Tags"/>.</summary>
    public static IReadOnlyList<string> TagWords(IndicatorTags tags) =>
        Tags.Where(t => tags.HasFlag(t.Value)).Select(t => t.Key).ToList();

    /// <summary>Reads a word (case and surrounding space ignored); false when it is not one of the words.</summary>
    public static bool TryRead<T>(string? word, out T value)
        where T : struct, Enum
    {
        value = default;
        var key = word?.Trim().ToLowerInvariant().Replace(' ', '-');
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var words = WordsOf<T>();
        if (words.TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }

        return false;
    }

    /// <summary>"higher, lower or data-only": the choices for a message.</summary>
    public static string Choices<T>()
        where T : struct, Enum
    {
        var words = WordsOf<T>().Keys.ToList();
        return words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + " or " + words[^1];
    }

    private static IReadOnlyDictionary<string, T> WordsOf<T>()
        where T : struct, Enum =>
        (IReadOnlyDictionary<string, T>)(typeof(T) switch
        {
            var t when t == typeof(IndicatorUnit) => (object)Units,
            var t when t == typeof(Polarity) => (object)Polarities,
            var t when t == typeof(Frequency) => (object)Frequencies,
            var t when t == typeof(Aggregation) => (object)Aggregations,
            var t when t == typeof(ToleranceKind) => (object)ToleranceKinds,
            var t when t == typeof(Comparison) => (object)Comparisons,
            var t when t == typeof(CalculationKind) => (object)Calculations,
            var t when t == typeof(IndicatorTags) => (object)Tags,
            var t when t == typeof(IndicatorStatus) => (object)Statuses,
            var t when t == typeof(Direction) => (object)Directions,
            _ => throw new ArgumentException($"No words for {typeof(T).Name}."),
        });

    private static Dictionary<string, T> Map<T>(params (string Word, T Value)[] pairs)
        where T : notnull =>
        pairs.ToDictionary(p => p.Word, p => p.Value, StringComparer.Ordinal);
}

/// <summary>Numbers as people type them and as Waymark writes them.</summary>
public static class IndicatorNumbers
{
    /// <summary>
    /// Reads a number as a person types it: "1,010", "34.2%", "£1,200", " 7 " are 1010, 34.2, 1200 and 7.
    /// False for anything else ("n/a", "1.2.3", "ten").
    /// </summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        if (t.EndsWith('%'))
        {
            t = t[..^1].TrimEnd();
        }

        if (t.StartsWith('£'))
        {
            t = t[1..].TrimStart();
        }
        else if (t.StartsWith("-£", StringComparison.Ordinal))
        {
            t = "-" + t[2..].TrimStart();
        }

        // Thousands separators only between digit groups of three: "1,010" yes, "1,0" no.
        if (t.Contains(',', StringComparison.Ordinal))
        {
            var whole = t.Split('.')[0].TrimStart('-');
            var groups = whole.Split(',');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }

            t = t.Replace(",", "", StringComparison.Ordinal);
        }

        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>How many decimal places a number was written with (1.50 has 2).</summary>
    public static int DecimalPlaces(decimal value) => (decimal.GetBits(value)[3] >> 16) & 0xFF;

    /// <summary>The number at the indicator's decimal places, with thousands separators and its unit: "34.2%", "£1,200", "1,010".</summary>
    public static string Format(decimal value, IndicatorUnit unit, int decimalPlaces)
    {
        var rounded = Math.Round(value, Math.Clamp(decimalPlaces, 0, 28), MidpointRounding.AwayFromZero);
        var number = rounded.ToString("N" + decimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.GetCultureInfo("en-GB"));
        return unit switch
        {
            IndicatorUnit.Percentage => number + "%",
            IndicatorUnit.Currency => rounded < 0 ? "-£" + number[1..] : "£" + number,
            IndicatorUnit.Days => number + (rounded == 1 ? " day" : " days"),
            _ => number,
        };
    }

    /// <summary>The number for a file or the API: invariant culture, no separators, as stored ("33.9", "1010").</summary>
    public static string Plain(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
