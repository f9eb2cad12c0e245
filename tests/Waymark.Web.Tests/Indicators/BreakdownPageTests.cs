using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Indicators;

/// <summary>
/// Stockton's corporate health indicators broken down by its services (demonstration figures): the indicator's page
/// shows each service's figure and status in words, and the figures form offers a row per service.
/// </summary>
[Collection(ReadOnlyApp.Name)]
public class BreakdownPageTests(WaymarkFactory factory)
{
    private const string Stockton = "stockton-on-tees";

    private Task<int> IndicatorAsync(string code) =>
        factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Code == code).Select(i => i.Id).SingleAsync(), Stockton);

    [Fact]
    public async Task IndicatorPage_ShowsEveryServicesFigureAndStatusInWords()
    {
        var id = await IndicatorAsync("ex-BVPI 8");
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor, Stockton));

        var html = await client.GetPageAsync($"/{Stockton}/indicators/{id}?breakdownPeriod=Q2010-10");

        var table = Html.InnerHtml(html, "breakdown-table");
        Assert.Contains("Policy, Performance and Communications", table, StringComparison.Ordinal);
        Assert.Contains("Resources", table, StringComparison.Ordinal);
        Assert.Equal(5, Count(table, "breakdown-row"));
        var statuses = Texts(table, "breakdown-status");
        Assert.Equal(5, statuses.Count);
        Assert.All(statuses, s => Assert.Contains(s, new[] { "On target", "Slightly off target", "Off target" }));
        Assert.Contains("Demonstration value", table, StringComparison.Ordinal);
        Assert.Contains("not formed", Html.TestId(html, "breakdown-method"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiguresForm_OffersARowPerService_ToThePerformanceTeam()
    {
        var id = await IndicatorAsync("ex-BVPI 8");
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer, Stockton));

        var html = await client.GetPageAsync($"/{Stockton}/indicators/{id}/breakdown/Q2010-10");

        Assert.Equal(5, Count(html, "figure-value"));
    }

    [Fact]
    public async Task FiguresForm_IsRefused_ToACouncillor()
    {
        var id = await IndicatorAsync("ex-BVPI 8");
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor, Stockton));

        using var response = await client.GetAsync(new Uri($"/{Stockton}/indicators/{id}/breakdown/Q2010-10", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task HealthCard_ShowsEveryStocktonServicesSicknessAbsence_WithAStatusInWords()
    {
        var sickness = await IndicatorAsync("ex-BVPI 12");
        var services = await factory.InOrganisationAsync(db => db.Units.Select(u => u.Name).ToListAsync(), Stockton);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor, Stockton));

        var html = await client.GetPageAsync($"/{Stockton}/health-card");

        var card = Html.InnerHtml(html, "health-card");
        var rows = System.Text.RegularExpressions.Regex.Split(card, "<tr ").Where(r => r.Contains("data-service=", StringComparison.Ordinal)).ToList();
        Assert.Equal(services.Order(StringComparer.Ordinal), rows.Select(r => System.Net.WebUtility.HtmlDecode(
            System.Text.RegularExpressions.Regex.Match(r, "data-service=\"(?<n>[^\"]*)\"").Groups["n"].Value)).Order(StringComparer.Ordinal));
        Assert.All(rows, row =>
        {
            var cell = row[row.IndexOf($"data-indicator=\"{sickness}\"", StringComparison.Ordinal)..];
            var status = Texts(cell, "cell-status")[0];
            Assert.Contains(status, new[] { "No target", "On target", "Slightly off target", "Off target" });
        });
        Assert.Contains("demonstration values", Html.TestId(html, "demo-notice"), StringComparison.Ordinal);
    }

    private static int Count(string html, string testId) => System.Text.RegularExpressions.Regex.Count(html, $"data-testid=\"{testId}\"");

    /// <summary>The text of every element with the test id (elements holding only text).</summary>
    internal static List<string> Texts(string html, string testId) =>
        System.Text.RegularExpressions.Regex.Matches(html, $"data-testid=\"{testId}\"[^>]*>(?<text>[^<]*)<").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value).Trim()).ToList();
}
