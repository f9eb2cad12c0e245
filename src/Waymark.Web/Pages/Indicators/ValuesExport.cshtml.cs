using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.Indicators;

/// <summary>An indicator's targets and values, year by year and period by period, as a spreadsheet (numbers as numbers).</summary>
public class ValuesExportModel(OrganisationScope scope, IndicatorQueries queries) : OrganisationPageModel(scope)
{
    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var series = await queries.SeriesAsync(id, ct);
        if (series is null)
        {
            return NotFound();
        }

        var i = series.Indicator;
        var table = new Table(i.Code ?? "Indicator", [
            "Code", "Title", "Period", "Target", "Value", "Not available", "Status", "Direction of travel", "Commentary",
            "Entered by", "Entered at (UTC)", "Verified by", "Verified at (UTC)", "Demonstration value", "Calculated from"]);
        void AddPeriod(PeriodRow p)
        {
            var v = p.Value;
            table.AddRow(i.Code, i.Title, p.Period.Format(YearStartMonth), Target(p.Target), TableCell.FromDecimal(v?.Value),
                v?.NotAvailableReason, p.IsNotAvailable ? "Not available" : IndicatorText.StatusText(p.Status), IndicatorText.DirectionText(p.Direction),
                v?.Commentary, v?.IsCalculated == true ? "" : v?.EnteredByName, Time(v?.IsCalculated == true ? null : v?.EnteredAt),
                v?.VerifiedByName, Time(v?.VerifiedAt), v?.IsDemonstration == true ? "Yes" : "", v?.CalculatedFrom);
        }

        foreach (var year in series.Years)
        {
            // An annual indicator's year is its one period: its row carries the value's commentary, who and why not.
            if (i.Frequency == Frequency.Annual && series.For(year.Year) is { } only)
            {
                AddPeriod(only);
                continue;
            }

            table.AddRow(i.Code, i.Title, year.Year.Format(YearStartMonth) + (i.Frequency == Frequency.Annual ? "" : " (year)"),
                Target(year.Target), TableCell.FromDecimal(year.Figure), "", IndicatorText.StatusText(year.Status), IndicatorText.DirectionText(year.Direction));
            foreach (var p in i.Frequency == Frequency.Annual ? [] : series.Periods.Where(p => year.Year.Contains(p.Period)))
            {
                AddPeriod(p);
            }
        }

        var name = $"indicator-{IndicatorDisplay.FileSafe(i.Code ?? i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))}-{Organisation.Slug}";
        return string.Equals(Format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(TableExport.ToXlsx(table), TableExport.XlsxContentType, name + TableExport.XlsxExtension)
            : File(TableExport.ToCsv(table), TableExport.CsvContentType + "; charset=utf-8", name + TableExport.CsvExtension);
    }

    private static TableCell Target(Target? target) =>
        target is { Value: { } v } ? TableCell.FromDecimal(v) : TableCell.FromString(target?.Text);

    private static string? Time(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
