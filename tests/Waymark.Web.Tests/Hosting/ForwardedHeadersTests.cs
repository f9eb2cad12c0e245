using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Hosting;

/// <summary>
/// Waymark behind a reverse proxy at 10.0.0.1, or anywhere in 192.168.10.0/24 or 172.16.0.0/12, serving HTTPS only;
/// three failed sign-ins a minute per client address.
/// </summary>
public sealed class ProxiedWaymarkFactory : WaymarkFactory
{
    protected override int SignInAttemptsPerMinute => 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waymark:Security:RequireHttps", "true");
        builder.UseSetting("https_port", "443");
        builder.UseSetting("Waymark:Network:KnownProxies:0", "10.0.0.1");
        builder.UseSetting("Waymark:Network:KnownNetworks", "192.168.10.0/24, 172.16.0.0/12");
    }
}

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed from the configured proxies only: then the audit trail's source
/// and HTTPS detection see the real client; from anyone else the headers change nothing.
/// </summary>
public class ForwardedHeadersTests(ProxiedWaymarkFactory factory) : IClassFixture<ProxiedWaymarkFactory>
{
    private HttpClient Client(string scheme, string connectedFrom, string forwardedFor)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri($"{scheme}://waymark.council.example") });
        client.DefaultRequestHeaders.Add(WaymarkFactory.ClientAddressHeader, connectedFrom);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    /// <summary>Signs in through <paramref name="client"/>; the source its "Signed in" entry records.</summary>
    private async Task<string?> SignedInSourceAsync(HttpClient client, Role role)
    {
        var userName = WaymarkFactory.Demo(role);
        await factory.SetKnownPasswordAsync(userName);
        var session = new CookieSession(client);
        using var signIn = await session.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = WaymarkFactory.KnownPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var db = factory.Database.CreateContext();
        var userId = (await db.Users.SingleAsync(u => u.UserName == userName)).Id;
        return await db.AuditEntries.Where(e => e.UserId == userId && e.Action == AuditActions.SignedIn)
            .OrderByDescending(e => e.Id).Select(e => e.Source).FirstAsync();
    }

    [Theory]
    [InlineData("10.0.0.1", Role.Councillor)]
    [InlineData("192.168.10.77", Role.Auditor)]
    [InlineData("172.20.3.4", Role.LeadOfficer)]
    public async Task FromAKnownProxy_TheForwardedClientAndScheme_AreBelieved(string proxy, Role role)
    {
        using var client = Client("http", proxy, "203.0.113.7");

        using var page = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));
        var source = await SignedInSourceAsync(client, role);

        // The proxy spoke HTTPS with the browser: no redirect, and the session cookie is the secure one.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("203.0.113.7", source);
    }

    [Fact]
    public async Task ThroughAKnownProxy_FailedSignInsAreCountedPerRealClient_NotForTheProxy()
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.60", "203.0.113.60", "203.0.113.60", "203.0.113.60", "203.0.113.61" })
        {
            using var http = Client("https", "10.0.0.1", client);
            using var response = await http.PostFormAsync("/sign-in", new() { ["UserName"] = $"nobody-{statuses.Count}@nowhere.demo", ["Password"] = "wrong password" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task FromAnyoneElse_TheHeadersChangeNothing()
    {
        using var plain = Client("http", "198.51.100.9", "203.0.113.8");
        using var secure = Client("https", "198.51.100.9", "203.0.113.8");

        using var page = await plain.GetAsync(new Uri("/sign-in", UriKind.Relative));
        var source = await SignedInSourceAsync(secure, Role.PerformanceOfficer);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal("198.51.100.9", source);
    }
}
