using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.Indicators;

/// <summary>The library as a spreadsheet: the indicators the same filters list, with the same columns (numbers as numbers).</summary>
public class ExportModel(OrganisationScope scope, IndicatorQueries queries) : LibraryFilterModel(scope, queries)
{
    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        await LoadAsync(ct);
        var table = new Table("Indicators", [
            "Code", "Title", "Unit", "Frequency", "Owner", "Period", "Value", "Target", "Status", "Direction of travel", "Demonstration value"]);
        foreach (var r in Rows)
        {
            var i = r.Indicator;
            table.AddRow(
                i.Code, i.Title, i.Unit.Text(), i.Frequency.Text(), r.Owner, PeriodLabel,
                TableCell.FromDecimal(r.Figure),
                r.Target is { Value: { } v } ? TableCell.FromDecimal(v) : TableCell.FromString(r.Target?.Text),
                r.StatusText, IndicatorText.DirectionText(r.Direction), r.IsDemonstration ? "Yes" : "");
        }

        var name = "indicators-" + Organisation.Slug + (PeriodLabel.Length > 0 ? "-" + IndicatorDisplay.FileSafe(PeriodLabel) : "");
        return string.Equals(Format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(TableExport.ToXlsx(table), TableExport.XlsxContentType, name + TableExport.XlsxExtension)
            : File(TableExport.ToCsv(table), TableExport.CsvContentType + "; charset=utf-8", name + TableExport.CsvExtension);
    }
}
