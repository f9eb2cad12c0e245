using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Baskets;
using Waymark.Core.Organisations;
using Waymark.Core.Spreadsheets;
using Waymark.Web.Pages.Indicators;

namespace Waymark.Web.Pages.Baskets;

/// <summary>A basket for a period as CSV or .xlsx, with commentary: what the scorecard page shows, one row per item.</summary>
public class ExportModel(OrganisationScope scope, BasketQueries queries) : OrganisationPageModel(scope)
{
    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodCode { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        var (period, refused) = BasketPeriods.Read(PeriodCode, Organisation, Today);
        if (refused)
        {
            return BadRequest();
        }

        var report = await queries.ReportAsync(Organisation, id, period, ct);
        if (report is null)
        {
            return NotFound();
        }

        var table = BasketRowWords.ExportTable(report, YearStartMonth);
        var name = $"{IndicatorDisplay.FileSafe(report.View.Basket.Title)}-{report.Period.Code}-{Organisation.Slug}";
        return string.Equals(Format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(TableExport.ToXlsx(table), TableExport.XlsxContentType, name + TableExport.XlsxExtension)
            : File(TableExport.ToCsv(table), TableExport.CsvContentType + "; charset=utf-8", name + TableExport.CsvExtension);
    }
}
