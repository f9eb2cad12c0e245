using Waymark.Core.Accounts;
using Waymark.Core.Breakdowns;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Indicators.Breakdown;

/// <summary>
/// The breakdown table of an indicator's page for one period (chosen, else the latest with figures, else the latest
/// started): each part's figure, status in words and owner, with links to set it up and to enter figures.
/// </summary>
public sealed record BreakdownSection(
    string IndicatorPath, BreakdownPeriod? Current, IReadOnlyList<Period> Periods, int YearStartMonth, bool CanSetUp, bool CanEnter)
{
    public string Format(decimal? value) => Current is null ? "" : IndicatorDisplay.Number(value, Current.Indicator.Unit, Current.Indicator.DecimalPlaces);

    public static async Task<BreakdownSection> LoadAsync(
        BreakdownQueries queries, IndicatorSeries series, string indicatorPath, string? periodCode, int yearStartMonth, Actor? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(series);
        var indicator = series.Indicator;
        var canSetUp = indicator.Calculation == CalculationKind.None && Permissions.CanManageIndicator(actor, indicator.UnitId);
        var periods = series.Periods.Select(p => p.Period).Reverse().ToList();
        if (periods.Count == 0)
        {
            return new BreakdownSection(indicatorPath, null, periods, yearStartMonth, canSetUp, false);
        }

        var chosen = Period.TryFromCode(periodCode, out var asked) && periods.Contains(asked) ? asked
            : await queries.LatestPeriodWithFiguresAsync([indicator.Id], ct) is { } latest && periods.Contains(latest) ? latest
            : periods[0];
        var current = await queries.PeriodAsync(indicator.Id, chosen, ct);
        var canEnter = current is not null && current.Breakdown.Members.Any(m => BreakdownValueEditor.CanEnter(actor, indicator, m));
        return new BreakdownSection(indicatorPath, current, periods, yearStartMonth, canSetUp, canEnter);
    }
}
