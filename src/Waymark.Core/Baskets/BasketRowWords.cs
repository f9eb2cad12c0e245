using Waymark.Core.Indicators;
using Waymark.Core.Performance;
using Waymark.Core.Plans;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Baskets;

/// <summary>
/// A basket row's cells in words, the same on the basket page, in its CSV/xlsx export and in the API's text fields:
/// value, target, direction of travel, year-end forecast and its status. Formatting only: the rows are judged by
/// <see cref="PerformanceQueries"/>.
/// </summary>
public static class BasketRowWords
{
    /// <summary>"34.2%", "Not available", or empty when no value is in; an action's or milestone's due month.</summary>
    public static string Value(PerformanceItem row) => row switch
    {
        PerformanceIndicatorRow { NotAvailable: true } => "Not available",
        PerformanceIndicatorRow { Value: { } v } i => IndicatorNumbers.Format(v, i.Indicator.Unit, i.Indicator.DecimalPlaces),
        _ => "",
    };

    /// <summary>The target as set (a number, a relative target, or the plan's words); for an action or milestone, its due month.</summary>
    public static string Target(PerformanceItem row, int yearStartMonth) => row switch
    {
        PerformanceIndicatorRow { Target: null } => "",
        PerformanceIndicatorRow { Target: { Value: { } v } } i => IndicatorNumbers.Format(v, i.Indicator.Unit, i.Indicator.DecimalPlaces),
        PerformanceIndicatorRow { Target: { BetterBy: { } by } } i => TargetWords.Relative(by, i.Indicator.Unit, i.Indicator.DecimalPlaces),
        PerformanceIndicatorRow i => i.Target!.Text ?? "",
        PerformanceActionRow { DueMonth: { } due } => $"Due {due.Format(yearStartMonth)}",
        PerformanceMilestoneRow { DueMonth: { } due } => $"Due {due.Format(yearStartMonth)}",
        _ => "",
    };

    /// <summary>"Improving", "No change", "Worsening", or empty (actions and milestones have none).</summary>
    public static string Direction(PerformanceItem row) =>
        row is PerformanceIndicatorRow i ? IndicatorText.DirectionText(i.Direction) : "";

    /// <summary>"48% (projected)", "Green (owner's forecast)", or empty when there is no forecast.</summary>
    public static string Forecast(PerformanceItem row) => row switch
    {
        PerformanceIndicatorRow { Forecast: { } f } i => $"{IndicatorNumbers.Format(f.Value, i.Indicator.Unit, i.Indicator.DecimalPlaces)} ({f.Label.ToLowerInvariant()})",
        PerformanceActionRow { Forecast: { } f } => $"{ActionRules.Text(f.Rag)} ({f.Label.ToLowerInvariant()})",
        _ => "",
    };

    /// <summary>The year-end forecast's status against the year target ("On target"…), or empty.</summary>
    public static string ForecastStatus(PerformanceItem row) => row switch
    {
        PerformanceIndicatorRow { Forecast: { } f } => IndicatorText.StatusText(f.Status),
        PerformanceActionRow { Forecast: { } f } => ActionRules.Text(f.Rag),
        _ => "",
    };

    /// <summary>"Indicator", "Action", "Milestone".</summary>
    public static string Kind(PerformanceItem row) => row.Kind switch
    {
        PerformanceItemKind.Indicator => "Indicator",
        PerformanceItemKind.Action => "Action",
        _ => "Milestone",
    };

    /// <summary>The basket for its period as a table to download: one row per item, under its group, with commentary.</summary>
    public static Table ExportTable(BasketReport report, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table(report.View.Basket.Title, [
            "Group", "Kind", "Item", "Period", "Value", "Target", "Status", "Direction of travel", "Year-end forecast",
            "Forecast status", "Commentary", "Remedial action", "Owner", "Portfolio holder"]);
        foreach (var group in report.Groups)
        {
            foreach (var row in group.Rows)
            {
                var period = row is PerformanceIndicatorRow { Period: { } p } ? p : report.Period;
                table.AddRow(group.Title ?? "", Kind(row), row.Label, period.Format(yearStartMonth), Value(row),
                    Target(row, yearStartMonth), row.StatusText, Direction(row), Forecast(row), ForecastStatus(row), row.Commentary,
                    row.Remedial, row.Owner, row.PortfolioHolder);
            }
        }

        return table;
    }
}
