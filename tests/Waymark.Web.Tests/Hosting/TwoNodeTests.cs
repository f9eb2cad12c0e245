using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Hosting;

/// <summary>
/// Two web nodes — two hosts, each with its own services — on one PostgreSQL database, requests alternating between
/// them, as behind a load balancer: nothing a request needs lives in one node's memory.
/// </summary>
[Trait(PostgresOnly.Trait, PostgresOnly.Value)]
public class TwoNodeTests(WaymarkFactory first) : IClassFixture<WaymarkFactory>
{
    private const string NewPassword = "a password changed on the other node 8";

    private static HttpClient Client(WaymarkFactory node) => node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task TwoNodes_ShareSessionsAntiforgeryAndKeys_AndKeepOneUnbrokenAuditChain()
    {
        await using var second = first.SecondNode();
        using var a = Client(first);
        using var b = Client(second);
        var userName = WaymarkFactory.Demo(Role.PerformanceOfficer);
        await first.SetKnownPasswordAsync(userName);

        // Signed in on A; the session works on B, which reads A's data-protection key from the database.
        var onA = new CookieSession(a);
        using var signedIn = await onA.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = WaymarkFactory.KnownPassword });
        var onB = new CookieSession(b, onA.Cookies);
        using var pageOnB = await onB.GetAsync("/account");

        // A form from A, posted to B: B accepts A's antiforgery token, and its new session cookie works on A.
        var form = await (await onA.GetAsync("/account/change-password")).Content.ReadAsStringAsync();
        var posted = new CookieSession(b, onA.Cookies);
        using var changed = await posted.PostAsync("/account/change-password", new()
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(form),
            ["CurrentPassword"] = WaymarkFactory.KnownPassword, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        using var backOnA = await new CookieSession(a, posted.Cookies).GetAsync("/account");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pageOnB.StatusCode);
        Assert.Contains(userName, await pageOnB.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/account", changed.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, backOnA.StatusCode);
    }

    [Fact]
    public async Task ConcurrentWritesFromBothNodes_AppendToOneChain_WithNoEntryLostOrForked()
    {
        await using var second = first.SecondNode();
        var nodes = new[] { first, second };
        var before = await CountAsync(first);

        // Twelve failed sign-ins on each node at once: each appends an entry to the one chain.
        var attempts = Enumerable.Range(0, 24).Select(async i =>
        {
            using var client = Client(nodes[i % 2]);
            var session = new CookieSession(client);
            using var response = await session.PostFormAsync("/sign-in", new() { ["UserName"] = $"concurrent-{i}@nowhere.demo", ["Password"] = "wrong password" });
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(attempts);

        await using var scope = second.Services.CreateAsyncScope();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(before + 24, await CountAsync(second));
    }

    private static async Task<int> CountAsync(WaymarkFactory node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries);
    }
}
