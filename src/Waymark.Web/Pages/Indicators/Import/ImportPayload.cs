using Microsoft.AspNetCore.DataProtection;
using Waymark.Core.Indicators.Import;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.Indicators.Import;

/// <summary>
/// The checked table, carried from the preview to the confirm in a hidden field (<see cref="ProtectedPayload"/>: for
/// this user in this organisation, for an hour).
/// </summary>
public sealed record ImportPayload(ImportKind Kind, string FileName, IReadOnlyList<string> Headers, IReadOnlyList<ImportPayload.Row> Rows, IReadOnlyDictionary<int, Guid?> Seen)
{
    private const string Purpose = "Waymark.IndicatorImport.v1";

    public sealed record Row(int Number, IReadOnlyList<string> Cells);

    public static ImportPayload From(ImportKind kind, string fileName, ReadTable table, IReadOnlyDictionary<int, Guid?> seen)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(kind, fileName, table.Headers, RowsOf(table), seen);
    }

    /// <summary>A read table's rows as the payload keeps them.</summary>
    public static IReadOnlyList<Row> RowsOf(ReadTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. table.Rows.Select(r => new Row(r.RowNumber, r.Cells))];
    }

    public static ReadTable Table(IReadOnlyList<string> headers, IReadOnlyList<Row> rows) =>
        new(headers, [.. rows.Select(r => new ReadRow(r.Number, r.Cells))]);

    public ReadTable Table() => Table(Headers, Rows);

    public string Protect(IDataProtectionProvider provider, int userId, int organisationId) =>
        ProtectedPayload.Protect(this, provider, Purpose, userId, organisationId);

    /// <summary>The payload; null when it was changed, is another user's or organisation's, or has expired.</summary>
    public static ImportPayload? Unprotect(IDataProtectionProvider provider, int userId, int organisationId, string? text) =>
        ProtectedPayload.Unprotect<ImportPayload>(provider, Purpose, userId, organisationId, text);
}
