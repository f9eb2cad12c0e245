using System.Globalization;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators.Calculation;

/// <summary>An input of a calculated indicator with its own series: a formula variable ("A"), or a basket member.</summary>
public sealed record CalculationSource(string? Variable, IndicatorSeries Series);

/// <summary>
/// Works out a calculated indicator's value for each period from its inputs' values (a formula) or statuses and
/// directions (a basket roll-up), saying where each came from. Pure: the caller supplies the inputs' series.
/// </summary>
public static class IndicatorCalculator
{
    public static Dictionary<Period, ValueFacts> Compute(
        Indicator indicator, IReadOnlyList<IndicatorTarget> targets, IReadOnlyList<CalculationSource> inputs, int yearStartMonth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(inputs);
        var result = new Dictionary<Period, ValueFacts>();
        var formula = indicator.Calculation == CalculationKind.Formula ? Formula.Parse(indicator.Formula) : null;
        if (indicator.Calculation == CalculationKind.None || inputs.Count == 0 || formula is { Succeeded: false })
        {
            return result;
        }

        var inputPeriods = inputs.SelectMany(i => i.Series.Periods.Where(p => p.Value is not null).Select(p => p.Period));
        foreach (var year in IndicatorSeries.CollectionYears(indicator, targets.Select(t => t.Period), inputPeriods, yearStartMonth, today))
        {
            foreach (var period in IndicatorSeries.PeriodsOf(year, indicator.Frequency, yearStartMonth).Where(p => p.Start <= today))
            {
                var (value, source) = formula is { Formula: { } f }
                    ? FromFormula(f, inputs, period, indicator.DecimalPlaces)
                    : FromBasket(indicator.Calculation, inputs, period);
                if (value is { } v)
                {
                    result[period] = new ValueFacts(0, v, null, null, null, "Calculated", default, null, null, false, Guid.Empty, source);
                }
            }
        }

        return result;
    }

    private static (decimal? Value, string Source) FromFormula(Formula formula, IReadOnlyList<CalculationSource> inputs, Period period, int decimalPlaces)
    {
        var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var parts = new List<string>();
        foreach (var input in inputs.Where(i => i.Variable is not null))
        {
            var figure = input.Series.In(period).Figure;
            values[input.Variable!] = figure;
            var i = input.Series.Indicator;
            parts.Add($"{input.Variable} = {i.Label}: {(figure is { } x ? IndicatorNumbers.Format(x, i.Unit, i.DecimalPlaces) : "no value")}");
        }

        var result = formula.Evaluate(values);
        var rounded = result is { } r ? Math.Round(r, Math.Clamp(decimalPlaces + 4, 0, 28), MidpointRounding.AwayFromZero) : (decimal?)null;
        return (rounded, $"{formula.Text}, where {string.Join("; ", parts)}");
    }

    private static (decimal? Value, string Source) FromBasket(CalculationKind kind, IReadOnlyList<CalculationSource> inputs, Period period)
    {
        if (kind == CalculationKind.PercentOnTarget)
        {
            var statuses = inputs.Select(i => i.Series.In(period).Status).Where(s => s is not null).Select(s => s!.Value).ToList();
            var judged = statuses.Count(s => s is IndicatorStatus.Green or IndicatorStatus.Amber or IndicatorStatus.Red);
            var green = statuses.Count(s => s == IndicatorStatus.Green);
            return (RollUp.PercentOnTarget(statuses),
                string.Create(CultureInfo.InvariantCulture, $"{green} of the {judged} indicators of the basket judged against a target were on target ({inputs.Count} in the basket)"));
        }

        var directions = inputs.Select(i => i.Series.In(period).Direction).ToList();
        var counted = directions.Count(d => d is not null);
        var improving = directions.Count(d => d == Direction.Improving);
        return (RollUp.PercentImproving(directions),
            string.Create(CultureInfo.InvariantCulture, $"{improving} of the {counted} indicators of the basket with a direction of travel were improving ({inputs.Count} in the basket)"));
    }
}
