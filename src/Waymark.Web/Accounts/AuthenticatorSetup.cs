using System.Text;
using QRCoder;

namespace Waymark.Web.Accounts;

/// <summary>What an authenticator app needs: the shared key, readable, and the same as an otpauth URI and QR code.</summary>
public static class AuthenticatorSetup
{
    public const string Issuer = "Waymark";

    /// <summary>"abcd efgh ijkl …": easier to type into an app by hand.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    /// <summary>The key-URI format authenticator apps read (TOTP, SHA-1, 6 digits, 30 seconds: their defaults).</summary>
    public static string OtpAuthUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>
    /// The URI as a QR code in an SVG image, as a data: URL for an img element (the Content-Security-Policy
    /// allows data: images, and an image cannot carry inline style or script into the page).
    /// </summary>
    public static string QrCodeDataUrl(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(6);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
