using System.Text;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Demo;

/// <summary>What the value generator needs to know of an indicator (see <see cref="DemoValues"/>).</summary>
/// <param name="Seed">Seeds the generator: the same text always gives the same values ("south-cambridgeshire/ni-4").</param>
/// <param name="Baseline">Used as the level of a data-only indicator without numeric targets.</param>
public sealed record DemoValueFacts(
    string Seed, IndicatorUnit Unit, int DecimalPlaces, Polarity Polarity, Frequency Frequency,
    Aggregation Aggregation, int YearStartMonth, Tolerance Tolerance, decimal? Baseline = null);

/// <summary>A target as the generator reads it: a year (Value null for a text target), or a quarter or month profile.</summary>
public readonly record struct DemoValueTarget(Period Period, decimal? Value);

/// <summary>One generated value.</summary>
public readonly record struct DemoValue(Period Period, decimal Value);

/// <summary>
/// Generates plausible, repeatable demonstration values for an indicator (docs/demo-data.md). Pure: no database, no
/// clock. Values are made for every period (of the indicator's frequency) of its target years except the last period
/// of the last year, which is left for a person to enter (the "demo as-of" point is the start of that period). Each
/// value lies around the period's target: on the good side of it about two times in three, otherwise within the amber
/// tolerance or beyond it. Values are never negative, percentages stay within 0–100, everything is rounded to the
/// indicator's decimal places, and cumulative (year-to-date) values never fall within a year.
/// </summary>
public static class DemoValues
{
    /// <summary>The values for an indicator; empty when it has no numeric target (nor, if data only, a baseline).</summary>
    public static IReadOnlyList<DemoValue> Generate(DemoValueFacts facts, IReadOnlyList<DemoValueTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(targets);

        var years = targets.Where(t => t.Period.Kind == PeriodKind.Year).Select(t => t.Period).Distinct().Order().ToList();
        var yearLevels = YearLevels(facts, targets, years);
        if (yearLevels.Count == 0)
        {
            return [];
        }

        var profile = targets.Where(t => t.Period.Kind != PeriodKind.Year && t.Value is not null)
            .GroupBy(t => t.Period).ToDictionary(g => g.Key, g => g.First().Value!.Value);
        var asOf = PeriodsOf(years[^1], facts)[^1].Start;
        var random = new Random(StableSeed(facts.Seed));
        var values = new List<DemoValue>();
        foreach (var year in years)
        {
            if (!yearLevels.TryGetValue(year, out var level))
            {
                continue;
            }

            var periods = PeriodsOf(year, facts);
            decimal? previous = null;
            for (var i = 0; i < periods.Count && periods[i].End < asOf; i++)
            {
                var centre = profile.TryGetValue(periods[i], out var p) ? p : PeriodLevel(level, i + 1, periods.Count, facts.Aggregation);
                var value = Limit(Vary(centre, facts, random), facts);
                if (facts.Aggregation == Aggregation.CumulativeYearToDate && previous is { } before && value < before)
                {
                    value = before;
                }

                values.Add(new DemoValue(periods[i], value));
                previous = value;
            }
        }

        return values;
    }

    /// <summary>A 32-bit FNV-1a hash of the text's UTF-8 bytes: the same on every machine and in every process
    /// (unlike <see cref="string.GetHashCode()"/>).</summary>
    public static int StableSeed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }

    /// <summary>The periods of the indicator's frequency in a year, in order.</summary>
    public static IReadOnlyList<Period> PeriodsOf(Period year, DemoValueFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Frequency switch
        {
            Frequency.Annual => [year],
            Frequency.Quarterly => Period.QuartersOf(year, facts.YearStartMonth),
            Frequency.Monthly => Period.MonthsOf(year),
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Frequency, "Unknown frequency."),
        };
    }

    /// <summary>Each year's level: its numeric target, else the nearest year's (the earlier one on a tie), else for a
    /// data-only indicator its baseline. No entry for a year without a level.</summary>
    private static Dictionary<Period, decimal> YearLevels(DemoValueFacts facts, IReadOnlyList<DemoValueTarget> targets, List<Period> years)
    {
        var numeric = targets.Where(t => t.Period.Kind == PeriodKind.Year && t.Value is not null)
            .GroupBy(t => t.Period).ToDictionary(g => g.Key, g => g.First().Value!.Value);
        var levels = new Dictionary<Period, decimal>();
        for (var i = 0; i < years.Count; i++)
        {
            var nearest = Enumerable.Range(0, years.Count)
                .Where(j => numeric.ContainsKey(years[j]))
                .OrderBy(j => Math.Abs(j - i)).ThenBy(j => j)
                .Select(j => (decimal?)numeric[years[j]])
                .FirstOrDefault();
            if ((nearest ?? (facts.Polarity == Polarity.DataOnly ? facts.Baseline : null)) is { } level)
            {
                levels[years[i]] = level;
            }
        }

        return levels;
    }

    /// <summary>The level for period <paramref name="index"/> (1-based) of <paramref name="count"/> in a year whose
    /// level is <paramref name="yearLevel"/>: a share of it for a sum, the share built up so far for a cumulative
    /// indicator, else the level itself.</summary>
    private static decimal PeriodLevel(decimal yearLevel, int index, int count, Aggregation aggregation) => aggregation switch
    {
        Aggregation.Sum => yearLevel / count,
        Aggregation.CumulativeYearToDate => yearLevel * index / count,
        _ => yearLevel,
    };

    /// <summary>A value around <paramref name="centre"/>: about 65% on target, 20% amber, 15% red (for a data-only
    /// indicator, within 8% either side).</summary>
    private static decimal Vary(decimal centre, DemoValueFacts facts, Random random)
    {
        var scale = centre != 0m ? Math.Abs(centre) : Math.Max(1m, 10m * Step(facts.DecimalPlaces));
        if (facts.Polarity == Polarity.DataOnly)
        {
            return centre + (scale * Between(random, -0.08m, 0.08m));
        }

        var good = facts.Polarity == Polarity.LowerIsBetter ? -1m : 1m;
        var band = facts.Tolerance.For(centre);
        var roll = random.NextDouble();
        if (roll < 0.65 || (band == 0m && roll < 0.85))
        {
            return centre + (good * scale * Between(random, 0m, 0.06m));
        }

        return roll < 0.85
            ? centre - (good * band * Between(random, 0.15m, 0.95m))
            : centre - (good * (band + (scale * Between(random, 0.02m, 0.12m))));
    }

    /// <summary>Keeps a value possible for its unit (never negative, a percentage at most 100) at its decimal places.</summary>
    private static decimal Limit(decimal value, DemoValueFacts facts)
    {
        var limited = Math.Max(0m, value);
        if (facts.Unit == IndicatorUnit.Percentage)
        {
            limited = Math.Min(100m, limited);
        }

        return Math.Round(limited, Math.Clamp(facts.DecimalPlaces, 0, IndicatorLimits.MaxDecimalPlaces), MidpointRounding.AwayFromZero);
    }

    private static decimal Step(int decimalPlaces)
    {
        var step = 1m;
        for (var i = 0; i < decimalPlaces; i++)
        {
            step /= 10m;
        }

        return step;
    }

    private static decimal Between(Random random, decimal low, decimal high) => low + ((high - low) * (decimal)random.NextDouble());
}
