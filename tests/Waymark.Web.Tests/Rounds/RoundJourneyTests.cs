using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Rounds;

/// <summary>
/// A performance officer opens South Cambridgeshire's Q2 2011/12 round on the page, sees every owner's return outstanding
/// (Sam Taylor's with the vacant Partnerships posts' items), is refused a second round for the quarter, and closes it; the
/// API reads the same round and refuses a period given badly.
/// </summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public class RoundJourneyTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Org = "/south-cambridgeshire";

    [Fact]
    public async Task OpenSeeAndCloseTheQuarter()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        // The demo's Q3 2011/12 round is open already: the quarter before.
        var form = await PageForm.ReadAsync(client, $"{Org}/rounds/open?period=Q2011-07", "open-form");
        form["graceDays"] = "2";
        using var opened = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var roundPath = opened.Headers.Location!.OriginalString;
        var round = await client.GetPageAsync(roundPath);
        Assert.Contains("Q2 2011/12 monitoring round", round, StringComparison.Ordinal);
        Assert.Equal("Open", Html.TestId(round, "round-state"));
        Assert.StartsWith("Friday 14 October 2011 (on time until Sunday 16 October 2011", Html.TestId(round, "returns-deadline"), StringComparison.Ordinal);
        Assert.Contains("Includes items of a vacant post", Html.InnerHtml(round, "round-owners"), StringComparison.Ordinal);
        Assert.Contains("Sam Taylor", Html.TestId(round, "outstanding"), StringComparison.Ordinal);
        Assert.StartsWith("0 of ", Html.TestId(round, "received"), StringComparison.Ordinal);

        var again = await PageForm.ReadAsync(client, $"{Org}/rounds/open?period=Q2011-07", "open-form");
        using var refused = await again.PostAsync(client);
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("There is already a monitoring round for Q2 2011/12", refusal, StringComparison.Ordinal);
        Assert.Contains("href=\"#period\"", refusal, StringComparison.Ordinal);

        var close = await PageForm.ReadAsync(client, $"{roundPath}/close", "close-form");
        using var closed = await close.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var after = await client.GetPageAsync(roundPath);
        Assert.Equal("Closed", Html.TestId(after, "round-state"));
        Assert.DoesNotContain("data-testid=\"close-round\"", after, StringComparison.Ordinal);
        var list = await client.GetPageAsync($"{Org}/rounds");
        Assert.Contains("Q2 2011/12", Html.TestId(list, "rounds-trend"), StringComparison.Ordinal);

        using var api = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Auditor));
        using var rounds = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/organisations{Org}/rounds", UriKind.Relative)));
        var q2 = rounds.RootElement.EnumerateArray().Single(r => r.GetProperty("period").GetString() == "Q2011-07");
        Assert.Equal("closed", q2.GetProperty("state").GetString());
        Assert.Equal("2011-10-14", q2.GetProperty("returnsDeadline").GetString());
        Assert.True(q2.GetProperty("completeness").GetProperty("returnsExpected").GetInt32() > 0);
    }

    [Fact]
    public async Task Api_RefusesAPeriodNotEnded_OnTheField_AndALeadOfficer()
    {
        using var officer = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        using var lead = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));
        var url = $"/api/v1/organisations{Org}/rounds";

        using var invalid = await officer.PostAsJsonAsync(url, new { period = "Q4 2011/12" });
        using var forbidden = await lead.PostAsJsonAsync(url, new { period = "Q1 2011/12" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        Assert.StartsWith("A round can be opened only for a period that has ended", problem.RootElement.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
