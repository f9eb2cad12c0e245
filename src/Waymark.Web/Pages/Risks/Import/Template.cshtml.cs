using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.Risks.Import;

/// <summary>The file to fill in for an import of the register: CSV or .xlsx, the headings and an example row.</summary>
public class TemplateModel(OrganisationScope scope) : EditorPageModel(scope)
{
    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        var name = $"waymark-risk-register-{Organisation.Slug}";
        return await AnswerAsync(RiskImport.Open(await LoadActorAsync(ct)), () => string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(TableExport.ToXlsx(RiskImport.Template()), TableExport.XlsxContentType, name + TableExport.XlsxExtension)
            : File(TableExport.ToCsv(RiskImport.Template()), TableExport.CsvContentType, name + TableExport.CsvExtension));
    }
}
