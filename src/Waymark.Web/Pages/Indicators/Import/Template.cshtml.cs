using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Indicators.Import;
using Waymark.Core.Organisations;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.Indicators.Import;

/// <summary>The file to fill in for an import: CSV or .xlsx, with the headings and the rows the actor may fill.</summary>
public class TemplateModel(OrganisationScope scope, IndicatorImport import) : EditorPageModel(scope)
{
    public async Task<IActionResult> OnGetAsync(string? kind, string? format, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (IndexModel.ParseKind(kind) is not { } chosen)
        {
            return Redirect($"{OrgPath}/indicators/import");
        }

        var opened = IndicatorImport.Open(actor, chosen);
        var table = opened.Record is null ? null : await import.TemplateAsync(actor, chosen, ct);
        var name = $"waymark-{IndicatorImport.KindText(chosen)}-{Organisation.Slug}";
        return await AnswerAsync(opened, () => string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(TableExport.ToXlsx(table!), TableExport.XlsxContentType, name + TableExport.XlsxExtension)
            : File(TableExport.ToCsv(table!), TableExport.CsvContentType, name + TableExport.CsvExtension));
    }
}
