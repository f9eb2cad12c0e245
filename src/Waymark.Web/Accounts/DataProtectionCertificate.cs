using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Waymark.Web.Accounts;

/// <summary>
/// The certificate that encrypts the data-protection keys at rest: <c>Waymark:DataProtection:Certificate:Path</c> (a
/// .pfx/.p12 file with its private key) and <c>:Password</c>, from configuration or the environment
/// (<c>Waymark__DataProtection__Certificate__Path</c>), never from the repository. Without one the keys are stored
/// as they are, and data protection warns of it at start-up.
/// </summary>
internal static class DataProtectionCertificate
{
    public const string Section = "Waymark:DataProtection:Certificate";

    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration[Section + ":Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Section}:Path names a file that does not exist: {path}");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[Section + ":Password"]);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The certificate in {path} has no private key: the keys could be encrypted but never read back.");
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"The certificate in {path} could not be read (is {Section}:Password right?): {e.Message}", e);
        }
    }
}
