using Waymark.Core.Indicators;
using Waymark.Core.Plans;

namespace Waymark.Core.Performance;

/// <summary>Where a year-end forecast comes from.</summary>
public enum ForecastSource
{
    /// <summary>Projected from the year's values by <see cref="ForecastRules.Project"/>.</summary>
    Projected,

    /// <summary>Given by the indicator's or action's owner with a value or update.</summary>
    Owner,
}

/// <summary>An indicator's year-end forecast: the figure, where it came from, and its status against the year's target.</summary>
public sealed record IndicatorForecast(decimal Value, ForecastSource Source, IndicatorStatus Status)
{
    public string Label => ForecastRules.Label(Source);
}

/// <summary>An action's year-end forecast: the owner's forecast R/A/G, else its latest R/A/G.</summary>
public sealed record ActionForecast(Rag Rag, ForecastSource Source)
{
    public string Label => ForecastRules.Label(Source);
}

/// <summary>
/// Year-end forecasts (DESIGN.md §3): the owner's forecast when given, else projected from the year's values, judged
/// against the year's target and shown beside the current status. Plain functions.
/// <para>Projection by the indicator's aggregation:</para>
/// <list type="bullet">
/// <item>summed: the year to date (the values entered so far) scaled by the profile — × (year target ÷ the profiled
/// targets of the periods entered) when a profile is set, else × (periods in the year ÷ periods entered);</item>
/// <item>cumulative year to date: the latest running total scaled the same way by the profile to its period;</item>
/// <item>average and latest: the least-squares straight line through the year's values (period number against value),
/// read at the year's last period for latest, and for an average, the mean of the values entered and the line's values
/// for the periods still to come. One value: it is the trend (flat).</item>
/// </list>
/// </summary>
public static class ForecastRules
{
    public static string Label(ForecastSource source) => source switch
    {
        ForecastSource.Projected => "Projected",
        ForecastSource.Owner => "Owner's forecast",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown forecast source."),
    };

    /// <summary>
    /// The projected year-end figure from the year's period values in period order (every period of the year, null where
    /// none was entered or it has not come yet); <paramref name="profile"/>: each period's own target (null where none),
    /// for summed and cumulative indicators. Null when no value was entered.
    /// </summary>
    public static decimal? Project(IReadOnlyList<decimal?> yearValues, Aggregation aggregation, IReadOnlyList<decimal?>? profile = null)
    {
        ArgumentNullException.ThrowIfNull(yearValues);
        var n = yearValues.Count;
        var entered = Enumerable.Range(0, n).Where(i => yearValues[i].HasValue).ToList();
        if (entered.Count == 0)
        {
            return null;
        }

        switch (aggregation)
        {
            case Aggregation.Sum:
            {
                var toDate = entered.Sum(i => yearValues[i]!.Value);
                return Scale(toDate, entered, n, profile, cumulative: false);
            }

            case Aggregation.CumulativeYearToDate:
            {
                var last = entered[^1];
                return Scale(yearValues[last]!.Value, [.. Enumerable.Range(0, last + 1)], n, profile, cumulative: true);
            }

            case Aggregation.Latest:
                return Trend(yearValues, entered)(n - 1);

            case Aggregation.Average:
            {
                var line = Trend(yearValues, entered);
                var total = 0m;
                for (var i = 0; i < n; i++)
                {
                    total += yearValues[i] ?? (i > entered[^1] ? line(i) : 0m);
                }

                // Gaps before the latest value stay out of the mean, as they do from the year's figure.
                var counted = n - Enumerable.Range(0, entered[^1]).Count(i => !yearValues[i].HasValue);
                return total / counted;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown aggregation.");
        }
    }

    /// <summary>
    /// The indicator's forecast: the owner's when given, else projected (<see cref="Project"/>); judged against the year's
    /// target (<see cref="IndicatorRules.Status"/>; a text target or none gives No target). Null when there is neither.
    /// </summary>
    public static IndicatorForecast? Forecast(
        decimal? ownerForecast, IReadOnlyList<decimal?> yearValues, Aggregation aggregation, IReadOnlyList<decimal?>? profile,
        Target? yearTarget, Polarity polarity, Tolerance tolerance)
    {
        var (value, source) = ownerForecast is { } owner ? (owner, ForecastSource.Owner)
            : Project(yearValues, aggregation, profile) is { } projected ? (projected, ForecastSource.Projected)
            : (default(decimal?), ForecastSource.Projected);
        return value is { } v
            ? new IndicatorForecast(v, source, IndicatorRules.Status(v, yearTarget, polarity, tolerance, isDue: true))
            : null;
    }

    /// <summary>An action's forecast: the owner's forecast R/A/G when given, else its latest R/A/G; null when neither.</summary>
    public static ActionForecast? Forecast(Rag? ownerForecast, Rag? latest) =>
        ownerForecast is { } owner ? new ActionForecast(owner, ForecastSource.Owner)
        : latest is { } rag ? new ActionForecast(rag, ForecastSource.Projected)
        : null;

    // Scales a figure for the periods counted to the whole year: by their share of the profile when every one has a
    // profiled target (and they add to more than nothing), else by their share of the year's periods.
    private static decimal Scale(decimal toDate, List<int> counted, int periods, IReadOnlyList<decimal?>? profile, bool cumulative)
    {
        if (profile is { } p && p.Count == periods && p.All(t => t.HasValue))
        {
            var year = cumulative ? p[^1]!.Value : p.Sum(t => t!.Value);
            var share = cumulative ? p[counted[^1]]!.Value : counted.Sum(i => p[i]!.Value);
            if (share != 0 && year != 0)
            {
                return toDate * year / share;
            }
        }

        var elapsed = cumulative ? counted[^1] + 1 : counted.Count;
        return toDate * periods / elapsed;
    }

    // The least-squares line through (period index, value) of the values entered, as a function of the period index.
    private static Func<int, decimal> Trend(IReadOnlyList<decimal?> values, List<int> entered)
    {
        if (entered.Count == 1)
        {
            var only = values[entered[0]]!.Value;
            return _ => only;
        }

        var meanX = (decimal)entered.Average();
        var meanY = entered.Sum(i => values[i]!.Value) / entered.Count;
        var sxy = entered.Sum(i => (i - meanX) * (values[i]!.Value - meanY));
        var sxx = entered.Sum(i => (i - meanX) * (i - meanX));
        var slope = sxx == 0 ? 0 : sxy / sxx;
        return x => meanY + slope * (x - meanX);
    }
}
