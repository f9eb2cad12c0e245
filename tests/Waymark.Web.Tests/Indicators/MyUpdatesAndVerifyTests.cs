using System.Net;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Indicators.IndicatorTestData;

namespace Waymark.Web.Tests.Indicators;

/// <summary>My updates (one form for every period waiting) and the verify queue.</summary>
public class MyUpdatesAndVerifyTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string MyUpdates = Org + "/my-updates";
    private const string Verify = Org + "/indicators/verify";

    private static string Key(string html, string code, string field)
    {
        // The row's index: the hidden IndicatorId field just before the fieldset whose legend names the indicator.
        var legend = html.IndexOf($"{code}, Q3 2011/12</legend>", StringComparison.Ordinal);
        Assert.True(legend > 0, $"No row for {code}.");
        var marker = html.LastIndexOf("name=\"Updates[", legend, StringComparison.Ordinal);
        var index = html[(marker + "name=\"Updates[".Length)..html.IndexOf(']', marker)];
        return $"Updates[{index}].{field}";
    }

    [Fact]
    public async Task MyUpdates_ListsWhatIsWaiting_SkipsEmptyRows_AndSaysWhatWasSavedAndWhatIsMissing()
    {
        var (owner, postId, _) = await factory.NewOwnerAsync();
        var first = await factory.NewIndicatorAsync("MU 1" + postId, ownerPostId: postId);
        var second = await factory.NewIndicatorAsync("MU 2" + postId, ownerPostId: postId);
        var done = await factory.NewIndicatorAsync("MU 3" + postId, ownerPostId: postId);
        await factory.FillBeforeQ3Async(first);
        await factory.FillBeforeQ3Async(second);
        await factory.FillBeforeQ3Async(done);
        await factory.AddValueAsync(done, Q3, 40m);
        using var client = await factory.SignedInClientAsync(owner);

        var html = await client.GetPageAsync(MyUpdates);
        // South Cambridgeshire runs as at 16 January 2012: Q3 2011/12 has ended, and its values fall due on 30 January.
        Assert.Contains("Due", Html.TestId(html, "group-due"), StringComparison.Ordinal);
        Assert.DoesNotContain("group-overdue", html, StringComparison.Ordinal);
        Assert.Contains($"MU 3{postId}", Html.TestId(html, "up-to-date"), StringComparison.Ordinal);
        var form = PageForm.Parse(html, "updates-form", MyUpdates);
        form[Key(html, "MU 1" + postId, "Value")] = "39.2";
        form[Key(html, "MU 1" + postId, "Commentary")] = "Survey results in";
        using var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync(MyUpdates);
        Assert.Equal("1 value saved", Html.TestId(after, "saved-count"));
        Assert.Equal($"MU 1{postId}, Q3 2011/12: 39.2%, On target", Html.TestId(after, "saved-values"));
        Assert.Equal("Still missing: 1 value", Html.TestId(after, "still-missing"));
        Assert.Contains($"MU 2{postId}, Q3 2011/12", Html.TestId(after, "still-missing-list"), StringComparison.Ordinal);
        Assert.Equal(39.2m, (await factory.ValueAsync(first, Q3))!.Value);
        Assert.Null(await factory.ValueAsync(second, Q3));
    }

    [Fact]
    public async Task TheDemoLeadOfficer_HoldsThePartnershipsManagerPost_AndHasNi4ToUpdate()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));

        var html = await client.GetPageAsync(MyUpdates);

        Assert.Contains("NI 4, Q3 2011/12</legend>", html, StringComparison.Ordinal);
        var holder = await factory.InOrganisationAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Posts.Where(p => p.Title == "Partnerships Manager").Select(p => p.Holder!.Name)));
        Assert.Equal("Sam Taylor", holder);
    }

    [Fact]
    public async Task MyUpdates_WithOneBadRow_SavesNothing_AndShowsEverythingTypedAgain()
    {
        var (owner, postId, _) = await factory.NewOwnerAsync();
        var good = await factory.NewIndicatorAsync("MB 1" + postId, ownerPostId: postId);
        var bad = await factory.NewIndicatorAsync("MB 2" + postId, ownerPostId: postId);
        using var client = await factory.SignedInClientAsync(owner);
        var html = await client.GetPageAsync(MyUpdates);
        var form = PageForm.Parse(html, "updates-form", MyUpdates);
        form[Key(html, "MB 1" + postId, "Value")] = "39.2";
        form[Key(html, "MB 2" + postId, "Value")] = "lots";
        form[Key(html, "MB 2" + postId, "Commentary")] = "Typed and kept";

        using var response = await form.PostAsync(client);
        var shown = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = System.Net.WebUtility.HtmlDecode(Html.InnerHtml(shown, "error-summary"));
        var index = Key(shown, "MB 2" + postId, "Value")["Updates[".Length..].Split(']')[0];
        Assert.Contains($"<a href=\"#updates-{index}-value\">MB 2{postId}, Q3 2011/12: The value must be a number, like 33.9 or 1,010</a>", summary, StringComparison.Ordinal);
        var again = PageForm.Parse(shown, "updates-form", MyUpdates);
        Assert.Equal("39.2", again[Key(shown, "MB 1" + postId, "Value")]);
        Assert.Equal("lots", again[Key(shown, "MB 2" + postId, "Value")]);
        Assert.Equal("Typed and kept", again[Key(shown, "MB 2" + postId, "Commentary")]);
        Assert.Null(await factory.ValueAsync(good, Q3));
        Assert.Null(await factory.ValueAsync(bad, Q3));
    }

    [Fact]
    public async Task MyUpdates_ForSomeoneWhoOwnsNothing_ExplainsHowOwnershipWorks()
    {
        var (owner, _, _) = await factory.NewOwnerAsync(withPerson: false);
        using var client = await factory.SignedInClientAsync(owner);

        var html = await client.GetPageAsync(MyUpdates);

        Assert.Contains("You have no indicators to update", Html.TestId(html, "no-indicators"), StringComparison.Ordinal);
        Assert.Contains("a post you hold", Html.TestId(html, "no-indicators"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Councillor)]
    [InlineData(Role.Auditor)]
    public async Task MyUpdates_IsRefusedToCouncillorsAndAuditors(Role role)
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(role));
        using var response = await client.GetAsync(new Uri(MyUpdates, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task VerifyQueue_VerifiesSomeoneElsesValue_AndSaysSo()
    {
        var id = await factory.NewIndicatorAsync("VQ 1");
        await factory.AddValueAsync(id, Q4, 39.2m);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var html = await client.GetPageAsync(Verify);
        Assert.Contains("Verify<span class=\"govuk-visually-hidden\"> VQ 1 for Q4 2011/12</span>", html, StringComparison.Ordinal);

        var form = await VerifyFormAsync(client, id);
        using var response = await client.PostFormAsync(Verify, form, Verify);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("Verified VQ 1 for Q4 2011/12", Html.TestId(await client.GetPageAsync(Verify), "notification"), StringComparison.Ordinal);
        var saved = await factory.ValueAsync(id, Q4);
        Assert.True(saved!.IsVerified);
        Assert.Contains("Demo performance officer", saved.VerifiedByName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyQueue_OwnEntry_HasNoButton_AndVerifyingItAnywayIsRefused()
    {
        var id = await factory.NewIndicatorAsync("VQ 2");
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/{id}/values/{Q4.Code}", "value-form");
        form["Value"] = "30";
        using (var saved = await form.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var html = await client.GetPageAsync(Verify);
        var card = html[html.IndexOf($"id=\"verify-{id}-{Q4.Code}\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</div>\n        </div>", StringComparison.Ordinal)];
        Assert.Contains("You entered this value: someone else must verify it.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"verify\"", card, StringComparison.Ordinal);

        var value = await factory.ValueAsync(id, Q4);
        using var response = await client.PostFormAsync(Verify, new()
        {
            ["IndicatorId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Period"] = Q4.Code, ["Version"] = value!.Version.ToString(),
        }, Verify);
        var refused = await response.Content.ReadAsStringAsync();

        Assert.Contains("VQ 2 for Q4 2011/12: You entered this value, so someone else must verify it.", System.Net.WebUtility.HtmlDecode(Html.TestId(refused, "error-summary")), StringComparison.Ordinal);
        Assert.False((await factory.ValueAsync(id, Q4))!.IsVerified);
    }

    [Fact]
    public async Task VerifyQueue_AValueChangedSince_IsNotVerified_AndWhatItIsNowIsShown()
    {
        var id = await factory.NewIndicatorAsync("VQ 3");
        await factory.AddValueAsync(id, Q4, 39.2m);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var form = await VerifyFormAsync(client, id);
        await factory.InOrganisationAsync(async db =>
        {
            var v = db.IndicatorValues.Single(x => x.IndicatorId == id);
            v.Value = 35.5m;
            v.Commentary = "Corrected";
            return await db.SaveChangesAsync();
        });

        using var response = await client.PostFormAsync(Verify, form, Verify);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = Html.TestId(html, "changed");
        Assert.Contains("VQ 3 for Q4 2011/12 has changed since you opened this page, so it has not been verified. It is now 35.5%", changed, StringComparison.Ordinal);
        Assert.Contains("Corrected", changed, StringComparison.Ordinal);
        Assert.False((await factory.ValueAsync(id, Q4))!.IsVerified);
    }

    [Fact]
    public async Task VerifyQueue_IsRefusedToLeadOfficers()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));
        using var response = await client.GetAsync(new Uri(Verify, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<Dictionary<string, string>> VerifyFormAsync(HttpClient client, int id)
    {
        var html = await client.GetPageAsync(Verify);
        var form = HtmlForms.Parse(html).First(f => f.Fields.GetValueOrDefault("IndicatorId") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new Dictionary<string, string>(form.Fields);
    }
}
