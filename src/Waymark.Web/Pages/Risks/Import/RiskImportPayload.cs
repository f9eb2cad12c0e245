using Microsoft.AspNetCore.DataProtection;
using Waymark.Core.Spreadsheets;
using Waymark.Web.Pages.Indicators.Import;

namespace Waymark.Web.Pages.Risks.Import;

/// <summary>The checked register file, carried from the preview to the confirm (<see cref="ProtectedPayload"/>).</summary>
public sealed record RiskImportPayload(string FileName, IReadOnlyList<string> Headers, IReadOnlyList<ImportPayload.Row> Rows, IReadOnlyDictionary<int, Guid?> Seen)
{
    private const string Purpose = "Waymark.RiskImport.v1";

    public static RiskImportPayload From(string fileName, ReadTable table, IReadOnlyDictionary<int, Guid?> seen)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(fileName, table.Headers, ImportPayload.RowsOf(table), seen);
    }

    public ReadTable Table() => ImportPayload.Table(Headers, Rows);

    public string Protect(IDataProtectionProvider provider, int userId, int organisationId) =>
        ProtectedPayload.Protect(this, provider, Purpose, userId, organisationId);

    public static RiskImportPayload? Unprotect(IDataProtectionProvider provider, int userId, int organisationId, string? text) =>
        ProtectedPayload.Unprotect<RiskImportPayload>(provider, Purpose, userId, organisationId, text);
}
