using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Corrections;
using Waymark.Core.Organisations;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.Corrections;

/// <summary>"Download as CSV": the corrections the same filters show on the register, every page of them.</summary>
public class ExportModel(OrganisationScope scope, CorrectionQueries queries, TimeProvider clock) : CorrectionFilterModel(scope, queries)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        var filter = await ReadFilterAsync(ct);
        if (filter is null)
        {
            // The register shows what is wrong with the date, next to the field.
            return Redirect(Link(OrgPath + "/corrections"));
        }

        var table = CorrectionWords.Table(await Queries.AllAsync(filter, ct), YearStartMonth);
        var name = $"corrections-{Organisation.Slug}-{UkTime.ToUk(clock.GetUtcNow()):yyyy-MM-dd}";
        return File(TableExport.ToCsv(table), TableExport.CsvContentType + "; charset=utf-8", name + TableExport.CsvExtension);
    }
}
