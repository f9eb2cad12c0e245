using System.Net;
using Microsoft.AspNetCore.Hosting;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>Waymark configured for a real installation: HTTPS only.</summary>
public sealed class HttpsWaymarkFactory : WaymarkFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waymark:Security:RequireHttps", "true");
        builder.UseSetting("https_port", "443");
    }
}

public class HttpsTests(HttpsWaymarkFactory factory) : IClassFixture<HttpsWaymarkFactory>
{
    private HttpClient Client(string scheme) => factory.CreateClient(new()
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri($"{scheme}://waymark.council.example"),
    });

    [Fact]
    public async Task Http_RedirectsToHttps()
    {
        using var response = await Client("http").GetAsync(new Uri("/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://waymark.council.example/sign-in", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Http_ClaimingToBeForwardedHttps_IsStillRedirected_WhenNoProxyIsConfigured()
    {
        using var client = Client("http");
        // Even from the loopback address, which ASP.NET would trust by default.
        client.DefaultRequestHeaders.Add(WaymarkFactory.ClientAddressHeader, "127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    [Fact]
    public async Task Https_SendsHstsAndSecurityHeaders()
    {
        using var response = await Client("https").GetAsync(new Uri("/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task SignIn_OverHttps_SetsAHostPrefixedSecureHttpOnlyCookie_AndPagesAreNotCached()
    {
        var userName = WaymarkFactory.Demo(Role.Councillor);
        await factory.SetKnownPasswordAsync(userName);
        var session = new CookieSession(Client("https"));

        using var signIn = await session.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = WaymarkFactory.KnownPassword });
        using var page = await session.GetAsync("/south-cambridgeshire/units");

        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-waymark=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }
}
