namespace Waymark.Core.Indicators;

/// <summary>
/// Targets in words, as pages, documents and exports print them: a number in the indicator's unit, text as written, or
/// a relative target with what it resolves to ("At least 0.5 days better than last year (9.2 days): 8.7 days").
/// </summary>
public static class TargetWords
{
    /// <summary>A relative target as set: "At least 0.5 days better than last year".</summary>
    public static string Relative(decimal amount, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return $"At least {IndicatorNumbers.Format(amount, indicator.Unit, indicator.DecimalPlaces)} better than last year";
    }

    /// <summary>
    /// A target as it judges a value: a level as it is; a relative one with last year's figure and the number it makes
    /// ("At least 0.5 days better than last year (9.2 days): 8.7 days"), or, without last year's figure, that nothing is
    /// judged. Empty for no target.
    /// </summary>
    public static string Judging(Target? target, decimal? lastYear, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (target is null)
        {
            return "";
        }

        if (target.BetterBy is not { } by)
        {
            return target.Value is { } v ? IndicatorNumbers.Format(v, indicator.Unit, indicator.DecimalPlaces) : target.Text ?? "";
        }

        var relative = Relative(by, indicator);
        if (indicator.Polarity == Polarity.DataOnly)
        {
            return relative;
        }

        return IndicatorRules.Resolve(target, lastYear, indicator.Polarity) is { } resolved
            ? $"{relative} ({IndicatorNumbers.Format(lastYear!.Value, indicator.Unit, indicator.DecimalPlaces)}): {IndicatorNumbers.Format(resolved, indicator.Unit, indicator.DecimalPlaces)}"
            : $"{relative}: last year's figure is not available, so nothing is judged against it";
    }
}
