using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Waymark.Web.Pages;

/// <summary>
/// A checked import carried from its preview to its confirm in a hidden field: compressed, then encrypted and signed
/// with Data Protection for one purpose, user and organisation, for an hour. Nothing is kept between the two, and a
/// changed, foreign or expired payload does not open.
/// </summary>
public static class ProtectedPayload
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static string Protect<T>(T value, IDataProtectionProvider provider, string purpose, int userId, int organisationId)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(zip, value);
        }

        return WebEncoders.Base64UrlEncode(Protector(provider, purpose, userId, organisationId).Protect(buffer.ToArray(), Lifetime));
    }

    /// <summary>The value; null when it was changed, is another user's or organisation's, or has expired.</summary>
    public static T? Unprotect<T>(IDataProtectionProvider provider, string purpose, int userId, int organisationId, string? text)
        where T : class
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            var bytes = Protector(provider, purpose, userId, organisationId).Unprotect(WebEncoders.Base64UrlDecode(text));
            using var zip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            return JsonSerializer.Deserialize<T>(zip);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException or InvalidDataException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider provider, string purpose, int userId, int organisationId) =>
        provider.CreateProtector(purpose, userId.ToString(CultureInfo.InvariantCulture), organisationId.ToString(CultureInfo.InvariantCulture))
            .ToTimeLimitedDataProtector();
}
