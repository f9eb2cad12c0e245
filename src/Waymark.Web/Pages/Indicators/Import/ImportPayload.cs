using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Waymark.Core.Indicators.Import;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.Indicators.Import;

/// <summary>
/// The checked table, carried from the preview to the confirm in a hidden field: compressed, then encrypted and signed
/// with Data Protection for this user in this organisation, for an hour. Nothing is kept on disk or in the database
/// between the two, and a changed or foreign payload does not open.
/// </summary>
public sealed record ImportPayload(ImportKind Kind, string FileName, IReadOnlyList<string> Headers, IReadOnlyList<ImportPayload.Row> Rows, IReadOnlyDictionary<int, Guid?> Seen)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public sealed record Row(int Number, IReadOnlyList<string> Cells);

    public static ImportPayload From(ImportKind kind, string fileName, ReadTable table, IReadOnlyDictionary<int, Guid?> seen)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(kind, fileName, table.Headers, [.. table.Rows.Select(r => new Row(r.RowNumber, r.Cells))], seen);
    }

    public ReadTable Table() => new(Headers, [.. Rows.Select(r => new ReadRow(r.Number, r.Cells))]);

    public string Protect(IDataProtectionProvider provider, int userId, int organisationId)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(zip, this);
        }

        return WebEncoders.Base64UrlEncode(Protector(provider, userId, organisationId).Protect(buffer.ToArray(), Lifetime));
    }

    /// <summary>The payload; null when it was changed, is another user's or organisation's, or has expired.</summary>
    public static ImportPayload? Unprotect(IDataProtectionProvider provider, int userId, int organisationId, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            var bytes = Protector(provider, userId, organisationId).Unprotect(WebEncoders.Base64UrlDecode(text));
            using var zip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            return JsonSerializer.Deserialize<ImportPayload>(zip);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException or InvalidDataException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider provider, int userId, int organisationId) =>
        provider.CreateProtector("Waymark.IndicatorImport.v1", userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToTimeLimitedDataProtector();
}
