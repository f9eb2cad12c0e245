using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.Risks;

/// <summary>The register view (the same filters as the register page) as a CSV or Excel file, every risk of it.</summary>
public class ExportModel(OrganisationScope scope, RiskQueries queries) : OrganisationPageModel(scope)
{
    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        var table = await queries.ExportAsync(RiskView.From(Request.Query).Filter, ct);
        var name = $"waymark-risks-{Organisation.Slug}-{Today:yyyy-MM-dd}";
        return string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(TableExport.ToXlsx(table), TableExport.XlsxContentType, name + TableExport.XlsxExtension)
            : File(TableExport.ToCsv(table), TableExport.CsvContentType, name + TableExport.CsvExtension);
    }
}
