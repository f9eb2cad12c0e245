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
    public async Task MyUpdates_AnUnusualValue_IsAskedAboutBeforeAnythingIsSaved_AndSavedConfirmedOnceConfirmed()
    {
        var (owner, postId, _) = await factory.NewOwnerAsync();
        var usual = await factory.NewIndicatorAsync("MQ 1" + postId, ownerPostId: postId);
        var odd = await factory.NewIndicatorAsync("MQ 2" + postId, ownerPostId: postId);
        await factory.FillBeforeQ3Async(usual);
        await factory.FillBeforeQ3Async(odd);
        using var client = await factory.SignedInClientAsync(owner);
        var html = await client.GetPageAsync(MyUpdates);
        var form = PageForm.Parse(html, "updates-form", MyUpdates);
        form[Key(html, "MQ 1" + postId, "Value")] = "39.2";
        form[Key(html, "MQ 2" + postId, "Value")] = "3.9";
        // South Cambridgeshire's commentary rules: a Red value says why, and what is being done about it.
        form[Key(html, "MQ 2" + postId, "Commentary")] = "Survey sample was small";
        form[Key(html, "MQ 2" + postId, "Remedial")] = "A larger sample next quarter";

        using var asked = await form.PostAsync(client);
        var shown = await asked.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("check 1 value that look unusual", Html.TestId(shown, "check-values"), StringComparison.Ordinal);
        Assert.Contains("3.9% is very different from Q2 2011/12", System.Net.WebUtility.HtmlDecode(Html.TestId(shown, "unusual-warning")), StringComparison.Ordinal);
        Assert.Null(await factory.ValueAsync(usual, Q3));
        Assert.Null(await factory.ValueAsync(odd, Q3));

        var again = PageForm.Parse(shown, "updates-form", MyUpdates);
        again[Key(shown, "MQ 2" + postId, "ConfirmUnusual")] = "true";
        using var saved = await again.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(39.2m, (await factory.ValueAsync(usual, Q3))!.Value);
        var confirmed = (await factory.ValueAsync(odd, Q3))!;
        Assert.Equal((3.9m, true), (confirmed.Value, confirmed.UnusualConfirmed));
        Assert.False((await factory.ValueAsync(usual, Q3))!.UnusualConfirmed);
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
        var html = await client.GetPageAsync($"{Verify}?period={Q4.Code}");
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
        form["Commentary"] = "Below target this quarter"; // South Cambridgeshire's commentary rules: 30% is Red.
        form["Remedial"] = "Recovery plan agreed";
        using (var saved = await form.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var html = await client.GetPageAsync($"{Verify}?period={Q4.Code}");
        var card = html[html.IndexOf($"id=\"verify-{id}-{Q4.Code}\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</div>\n        </div>", StringComparison.Ordinal)];
        Assert.Contains("You entered this value: someone else must verify it.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"verify\"", card, StringComparison.Ordinal);

        var value = await factory.ValueAsync(id, Q4);
        using var response = await client.PostFormAsync(Verify, new() { ["Only"] = $"{id}:{Q4.Code}:{value!.Version}" }, Verify);
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

    [Fact]
    public async Task VerifyQueue_FiltersByUnitOwnerAndPeriod_CountsEverything_AndShowsTwentyFiveAPage()
    {
        var (_, postId, unitId) = await factory.NewOwnerAsync();
        for (var n = 0; n < 27; n++)
        {
            var id = await factory.NewIndicatorAsync($"VP {n:D2} {postId}", ownerPostId: postId, unitId: unitId);
            await factory.AddValueAsync(id, Q4, 30m + n);
        }

        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        var first = await client.GetPageAsync($"{Verify}?unit={unitId}");
        var second = await client.GetPageAsync($"{Verify}?unit={unitId}&page=2");
        var byOwner = await client.GetPageAsync($"{Verify}?owner=post-{postId}&period={Q4.Code}");
        var queried = await client.GetPageAsync($"{Verify}?unit={unitId}&show=queried");

        Assert.Equal(("27", "0"), (Html.TestId(first, "count-waiting"), Html.TestId(first, "count-queried")));
        Assert.Equal((25, 2), (Items(first), Items(second)));
        Assert.Equal("Showing 1 to 25 of 27 values", Html.TestId(first, "queue-range"));
        Assert.Contains("aria-label=\"Page 2\"", Html.InnerHtml(first, "pagination"), StringComparison.Ordinal);
        Assert.Contains($"VP 26 {postId}", second, StringComparison.Ordinal);
        Assert.Equal("27", Html.TestId(byOwner, "count-waiting"));
        Assert.Equal("No values match these filters.", Html.TestId(queried, "queue-empty"));
    }

    [Fact]
    public async Task VerifyQueue_VerifiesSeveralAtOnce_AllOrNothing_AndAStaleRowIsReportedNotOverwritten()
    {
        var (_, _, unitId) = await factory.NewOwnerAsync();
        var a = await factory.NewIndicatorAsync("VB A", unitId: unitId);
        var b = await factory.NewIndicatorAsync("VB B", unitId: unitId);
        await factory.AddValueAsync(a, Q4, 30m);
        await factory.AddValueAsync(b, Q4, 31m);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var queue = $"{Verify}?unit={unitId}";
        var html = await client.GetPageAsync(queue);
        var fields = new Dictionary<string, string> { ["Selected[0]"] = Key(html, a), ["Selected[1]"] = Key(html, b) };
        await factory.InOrganisationAsync(async db =>
        {
            db.IndicatorValues.Single(v => v.IndicatorId == b).Value = 35.5m;
            return await db.SaveChangesAsync();
        });

        using var stale = await client.PostFormAsync(queue, fields);
        var refused = System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("None of the 2 values has been verified", Html.TestId(refused, "error-summary"), StringComparison.Ordinal);
        Assert.Contains("VB B for Q4 2011/12: This value has changed since you read it", Html.TestId(refused, "error-summary"), StringComparison.Ordinal);
        Assert.Contains("It is now 35.5%", Html.TestId(refused, "changed"), StringComparison.Ordinal);
        Assert.False((await factory.ValueAsync(a, Q4))!.IsVerified);
        Assert.Equal(35.5m, (await factory.ValueAsync(b, Q4))!.Value);

        var again = await client.GetPageAsync(queue);
        using var done = await client.PostFormAsync(queue, new() { ["Selected[0]"] = Key(again, a), ["Selected[1]"] = Key(again, b) });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.EndsWith("Verified 2 values", Html.TestId(await client.GetPageAsync(queue), "notification"), StringComparison.Ordinal);
        Assert.True((await factory.ValueAsync(a, Q4))!.IsVerified);
        Assert.True((await factory.ValueAsync(b, Q4))!.IsVerified);
    }

    [Fact]
    public async Task AQuery_GoesToTheOwnersUpdates_TheAnswerBackToTheQueue_AndTheThreadToTheIndicatorsHistory()
    {
        var (owner, postId, unitId) = await factory.NewOwnerAsync();
        var id = await factory.NewIndicatorAsync("VC 1" + postId, ownerPostId: postId, unitId: unitId);
        await factory.AddValueAsync(id, Q4, 30m);
        using var verifier = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        using var ownerClient = await factory.SignedInClientAsync(owner);
        var queryPage = $"{Org}/indicators/verify/{id}/{Q4.Code}/query";

        using var blank = await PageForm.Parse(await verifier.GetPageAsync(queryPage), "query-form", queryPage).PostAsync(verifier);
        var queryForm = PageForm.Parse(await verifier.GetPageAsync(queryPage), "query-form", queryPage);
        queryForm["Note"] = "Thirty per cent is well below last quarter: is the survey base right?";
        using var queried = await queryForm.PostAsync(verifier);
        var updates = await ownerClient.GetPageAsync(MyUpdates);
        var answerPage = $"{Org}/indicators/{id}/values/{Q4.Code}/answer";
        var answerForm = PageForm.Parse(await ownerClient.GetPageAsync(answerPage), "answer-form", answerPage);
        answerForm["Note"] = "Yes: the panel was smaller this quarter, 212 replies";
        using var answered = await answerForm.PostAsync(ownerClient);
        var queue = await verifier.GetPageAsync($"{Verify}?unit={unitId}&show=answered");
        var indicatorPage = await verifier.GetPageAsync($"{Org}/indicators/{id}");

        Assert.Contains("Enter your query: what the owner should check", Html.TestId(await blank.Content.ReadAsStringAsync(), "error-summary"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, queried.StatusCode);
        Assert.Contains("is the survey base right?", Html.TestId(updates, "query-note"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal($"{Org}/my-updates", answered.RedirectPath());
        Assert.Equal("answered", System.Text.RegularExpressions.Regex.Match(queue, "data-state=\"([a-zA-Z]+)\"").Groups[1].Value);
        Assert.Contains("212 replies", Html.TestId(queue, "verify-item"), StringComparison.Ordinal);
        var history = Html.TestId(indicatorPage, "history-table");
        Assert.Contains("is the survey base right?", history, StringComparison.Ordinal);
        Assert.Contains("212 replies", history, StringComparison.Ordinal);
        Assert.Contains("Answered, to verify", indicatorPage, StringComparison.Ordinal);
    }

    private static int Items(string html) => System.Text.RegularExpressions.Regex.Count(html, "data-testid=\"verify-item\"");

    private static string Key(string html, int id)
    {
        var key = System.Text.RegularExpressions.Regex.Match(html, $"value=\"({id}:{Q4.Code}:[0-9a-f-]+)\"").Groups[1].Value;
        Assert.NotEmpty(key);
        return key;
    }

    /// <summary>The verify form with one value's own Verify button pressed, as the queue (filtered to Q4) shows it.</summary>
    private static async Task<Dictionary<string, string>> VerifyFormAsync(HttpClient client, int id)
    {
        var html = await client.GetPageAsync($"{Verify}?period={Q4.Code}");
        var form = HtmlForms.Parse(html).Single(f => f.Action != "/sign-out");
        return new Dictionary<string, string>(form.Fields) { ["Only"] = Key(html, id) };
    }
}
