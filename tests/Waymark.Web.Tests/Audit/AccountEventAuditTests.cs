using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Audit;

/// <summary>
/// Account events made outside any organisation (a password changed, an API token made on the account pages) are
/// shown to the administrators of the account's own organisation only: never to another council's, on the audit
/// page, an entry's page or the CSV download.
/// </summary>
public partial class AccountEventAuditTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Scdc = "south-cambridgeshire";
    private const string Stockton = "stockton-on-tees";
    private const string NewPassword = "a different long password 73";
    private const string TokenName = "Stockton reporting script";

    /// <summary>A Stockton councillor changes their password and makes a token; the ids of the entries that wrote.</summary>
    private async Task<List<long>> StocktonAccountEventsAsync()
    {
        var userName = WaymarkFactory.Demo(Role.Councillor, Stockton);
        using var client = await factory.SignedInClientAsync(userName);
        using var changed = await client.PostFormAsync("/account/change-password", new()
        {
            ["CurrentPassword"] = WaymarkFactory.KnownPassword, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        using var token = await client.PostFormAsync("/account/tokens/new", new() { ["Name"] = TokenName, ["LifetimeDays"] = "30" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);

        await using var db = factory.Database.CreateContext();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var ids = await db.AuditEntries.Where(e => e.OrganisationId == null && e.UserId == userId)
            .OrderBy(e => e.Id).Select(e => new { e.Id, e.EntityType }).ToListAsync();
        // Both kinds are there to hide: the account's own change, and the token with its name.
        Assert.Contains(ids, e => e.EntityType == nameof(User));
        Assert.Contains(ids, e => e.EntityType == nameof(ApiToken));
        return [.. ids.Select(e => e.Id)];
    }

    [Fact]
    public async Task AnotherCouncilsAdministrator_SeesNoneOfTheAccountEvents_OnThePage_AnEntry_OrTheDownload()
    {
        var entries = await StocktonAccountEventsAsync();
        var person = WaymarkFactory.Demo(Role.Councillor, Stockton);
        using var scdc = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator, Scdc));
        using var stockton = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator, Stockton));
        using var auditor = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor, Stockton));

        var other = await scdc.GetPageAsync($"/{Scdc}/audit?person={person}");
        var otherCsv = await (await scdc.GetAsync(new Uri($"/{Scdc}/audit/export?person={person}", UriKind.Relative))).Content.ReadAsStringAsync();
        var own = await stockton.GetPageAsync($"/{Stockton}/audit?person={person}");
        var ownCsv = await (await stockton.GetAsync(new Uri($"/{Stockton}/audit/export?person={person}", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Equal(0, Count(other));
        Assert.DoesNotContain(TokenName, otherCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(person, otherCsv, StringComparison.Ordinal);
        foreach (var id in entries)
        {
            await scdc.GetPageAsync($"/{Scdc}/audit/{id}", HttpStatusCode.NotFound);
            await stockton.GetPageAsync($"/{Stockton}/audit/{id}");
            // Administrators look after accounts; the council's auditors see its records, not its members' passwords.
            await auditor.GetPageAsync($"/{Stockton}/audit/{id}", HttpStatusCode.NotFound);
        }

        // The account's own council sees them all (and its sign-in, which belongs to the council anyway).
        Assert.True(Count(own) > entries.Count, $"Stockton's administrator sees {Count(own)} entries of {person}");
        Assert.Contains(TokenName, ownCsv, StringComparison.Ordinal);
        Assert.Contains("Password changed", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedSignInWithANameThatMatchesNoAccount_IsShownToNoCouncil()
    {
        using (var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false }))
        {
            using var failed = await anonymous.PostFormAsync("/sign-in", new() { ["UserName"] = "someone-typed-this-xyz", ["Password"] = "wrong password" });
        }

        using var scdc = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator, Scdc));
        var page = await scdc.GetPageAsync($"/{Scdc}/audit?person=someone-typed-this-xyz");

        await using var db = factory.Database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.OrganisationId == null && e.Actor.Contains("someone-typed-this-xyz")));
        Assert.Equal(0, Count(page));
    }

    private static int Count(string html) =>
        int.Parse(CountPattern().Match(Html.TestId(html, "audit-count")).Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d+")]
    private static partial Regex CountPattern();
}
