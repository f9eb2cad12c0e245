using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Hosting;

/// <summary>
/// Waymark with a data-protection certificate: a self-signed one made for this run, in a temporary file, named by
/// configuration as an installation would (never a file in the repository).
/// </summary>
public sealed class CertificateWaymarkFactory : WaymarkFactory
{
    private const string Password = "made for this test run";

    private readonly string _folder = Directory.CreateTempSubdirectory("waymark-keys-").FullName;

    private string CertificatePath => Path.Combine(_folder, "data-protection.pfx");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Waymark data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllBytesAsync(CertificatePath, certificate.Export(X509ContentType.Pfx, Password));
        // As an installation that has the certificate from its first start: the first start's copy already holds an
        // unencrypted key (made when that host started), which would otherwise go on being used.
        await using var db = Database.CreateContext();
        await db.DataProtectionKeys.ExecuteDeleteAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waymark:DataProtection:Certificate:Path", CertificatePath);
        builder.UseSetting("Waymark:DataProtection:Certificate:Password", Password);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>Data-protection keys (sessions, antiforgery) are kept in the database, encrypted when a certificate is configured.</summary>
public class DataProtectionKeyTests(CertificateWaymarkFactory factory) : IClassFixture<CertificateWaymarkFactory>
{
    [Fact]
    public async Task WithACertificate_TheKeysInTheDatabaseAreEncrypted_AndSessionsWork()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));
        using var page = await client.GetAsync(new Uri("/account", UriKind.Relative));

        await using var db = factory.Database.CreateContext();
        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("<X509Certificate>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }
}
