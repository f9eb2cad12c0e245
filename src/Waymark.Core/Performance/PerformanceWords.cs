using System.Globalization;
using Waymark.Core.Indicators;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Performance;

/// <summary>How performance rows read in words: values, forecasts, how long, and the exceptions as a table for CSV.</summary>
public static class PerformanceWords
{
    /// <summary>An indicator row's value in its unit ("71.0%"), "Not available", or empty.</summary>
    public static string Value(PerformanceIndicatorRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.NotAvailable ? "Not available"
            : row.Value is { } v ? IndicatorNumbers.Format(v, row.Indicator.Unit, row.Indicator.DecimalPlaces) : "";
    }

    /// <summary>A target in the indicator's unit, its text, or empty.</summary>
    public static string Target(PerformanceIndicatorRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Target is { Value: { } t } ? IndicatorNumbers.Format(t, row.Indicator.Unit, row.Indicator.DecimalPlaces) : row.Target?.Text ?? "";
    }

    /// <summary>The year-end forecast in words: "86.0% (Projected): Green", or empty.</summary>
    public static string Forecast(PerformanceIndicatorRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Forecast is { } f
            ? $"{IndicatorNumbers.Format(Math.Round(f.Value, row.Indicator.DecimalPlaces, MidpointRounding.AwayFromZero), row.Indicator.Unit, row.Indicator.DecimalPlaces)} ({f.Label}): {IndicatorText.StatusText(f.Status)}"
            : "";
    }

    /// <summary>An action's forecast in words: "Amber (Owner's forecast)", or empty.</summary>
    public static string Forecast(PerformanceActionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Forecast is { } f ? $"{Plans.ActionRules.Text(f.Rag)} ({f.Label})" : "";
    }

    /// <summary>How long an exception has lasted: "Red for 3 periods running", "Overdue by 2 months"; empty when not known.</summary>
    public static string HowLong(PerformanceItem item, ExceptionFinding finding)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(finding);
        return (item, finding) switch
        {
            (_, { RedPeriods: 1 }) => "Red this period",
            (_, { RedPeriods: { } n }) when n > 1 => $"Red for {n} periods running",
            (PerformanceActionRow { MonthsOverdue: 0 }, _) => "Overdue this month",
            (PerformanceActionRow { MonthsOverdue: 1 }, _) => "Overdue by 1 month",
            (PerformanceActionRow { MonthsOverdue: { } m }, _) => $"Overdue by {m} months",
            (PerformanceIndicatorRow { Deadline: { } d }, { Kind: ExceptionKind.MissingAtDeadline }) =>
                $"Due by {d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
            _ => "",
        };
    }

    /// <summary>The exceptions as a table (one row per exception), for CSV; cells are neutralised by the export.</summary>
    public static Table ExceptionTable(PerformanceRows rows, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table("Exceptions",
            ["Period", "Exception", "Kind of item", "Item", "Unit", "Status", "Value", "Target", "Year-end forecast", "How long",
                "Commentary", "Remedial action", "Responsible officer", "Portfolio holder"]);
        foreach (var kind in Enum.GetValues<ExceptionKind>())
        {
            foreach (var (item, finding) in rows.ExceptionsOf(kind))
            {
                var indicator = item as PerformanceIndicatorRow;
                var forecast = item switch
                {
                    PerformanceIndicatorRow i => Forecast(i),
                    PerformanceActionRow a => Forecast(a),
                    _ => "",
                };
                table.AddRow(rows.Period.Format(yearStartMonth), ExceptionRules.Text(kind), item.Kind.ToString(), item.Label, item.UnitName ?? "",
                    item.StatusText, indicator is null ? "" : Value(indicator), indicator is null ? "" : Target(indicator), forecast,
                    HowLong(item, finding), item.Commentary ?? "", item.Remedial ?? "", item.Owner ?? "", item.PortfolioHolder ?? "");
            }
        }

        return table;
    }
}
