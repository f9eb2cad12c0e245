using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Performance;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.Performance;

/// <summary>"Download as CSV": the exceptions the page shows for the same period and unit, one row per exception.</summary>
public class ExportModel(OrganisationScope scope, PerformanceQueries queries) : PerformancePageModel(scope, queries)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        ReadPeriod();
        var rows = await Queries.ExceptionsAsync(Organisation, Period, UnitId, ct);
        var name = $"exceptions-{Organisation.Slug}-{Period.Code}";
        return File(TableExport.ToCsv(PerformanceWords.ExceptionTable(rows, YearStartMonth)), TableExport.CsvContentType + "; charset=utf-8", name + TableExport.CsvExtension);
    }
}
