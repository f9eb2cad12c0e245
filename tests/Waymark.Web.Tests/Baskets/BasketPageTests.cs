using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Baskets;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Baskets;

/// <summary>
/// South Cambridgeshire's demonstration corporate scorecard: its counts by status for Q2 and Q3 2011/12 (Q3's values are
/// still due as at 16 January 2012), worked out here straight from the demo data with the status rule, against the
/// basket page; the page's default period, its export, and who may change it.
/// </summary>
[Collection(ReadOnlyApp.Name)]
[Trait("Database", "Independent")]
public partial class BasketPageTests(WaymarkFactory factory)
{
    private const string Org = "/south-cambridgeshire";

    [Theory]
    [InlineData("Q2011-07")]
    [InlineData("Q2011-10")]
    public async Task TheCorporateScorecard_CountsByStatus_AreTheDemoDataJudgedIndependently(string code)
    {
        var period = Period.FromCode(code);
        var (basketId, expected) = await ExpectedCountsAsync(period);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        var html = await client.GetPageAsync($"{Org}/baskets/{basketId}?period={code}");

        var shown = Counts().Matches(html).ToDictionary(m => m.Groups["status"].Value, m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Where(e => e.Value > 0).OrderBy(e => e.Key), shown.Where(s => s.Value > 0).OrderBy(s => s.Key));
        Assert.Equal(15, expected.Values.Sum());
    }

    [Fact]
    public async Task TheScorecard_OpensOnTheLatestQuarterWithFigures_GroupedByAim()
    {
        var basketId = await ScorecardIdAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));

        var html = await client.GetPageAsync($"{Org}/baskets/{basketId}");

        Assert.Contains("Corporate scorecard, Q2 2011/12", html, StringComparison.Ordinal);
        Assert.Contains("We are committed to being a listening Council", html, StringComparison.Ordinal);
        Assert.Contains("Residents&#x27; views: the Place Survey", html, StringComparison.Ordinal);
        Assert.Equal(15, BasketRows().Count(html));
    }

    [Fact]
    public async Task TheExport_HasARowPerItem_WithCommentary()
    {
        var basketId = await ScorecardIdAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        using var response = await client.GetAsync(new Uri($"{Org}/baskets/{basketId}/export?period=Q2011-07&format=csv", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("\"Group\",\"Kind\",\"Item\",\"Period\",\"Value\",\"Target\",\"Status\",\"Direction of travel\",\"Year-end forecast\",\"Forecast status\",\"Commentary\"", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(16, lines.Length);
        Assert.Contains(lines, l => l.Contains("NI 4 ", StringComparison.Ordinal) && l.Contains("Q2 2011/12", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACouncillorReadsScorecards_ButCannotChangeThem()
    {
        var basketId = await ScorecardIdAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        var list = await client.GetPageAsync($"{Org}/baskets");
        using var edit = await client.GetAsync(new Uri($"{Org}/baskets/{basketId}/items", UriKind.Relative));

        Assert.Contains("Corporate scorecard", list, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"new-basket\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
    }

    private Task<int> ScorecardIdAsync() =>
        factory.InOrganisationAsync(db => db.Baskets.Where(b => b.Title == "Corporate scorecard").Select(b => b.Id).SingleAsync());

    /// <summary>
    /// The scorecard's indicators judged in <paramref name="period"/> from the stored values and targets: an annual
    /// indicator in its year, a quarterly one in the quarter; Missing or Not due by the organisation's deadline rule.
    /// </summary>
    private Task<(int BasketId, Dictionary<string, int> Counts)> ExpectedCountsAsync(Period period) => factory.InOrganisationAsync(async db =>
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == "south-cambridgeshire");
        var ysm = organisation.YearStartMonth;
        var today = organisation.AsAt!.Value;
        var basket = await db.Baskets.Include(b => b.Items).ThenInclude(i => i.Indicator!).ThenInclude(i => i.Targets)
            .SingleAsync(b => b.Title == "Corporate scorecard");
        var ids = basket.Items.Select(i => i.IndicatorId!.Value).ToList();
        var values = await db.IndicatorValues.AsNoTracking().Where(v => ids.Contains(v.IndicatorId)).ToListAsync();
        var counts = Enum.GetValues<IndicatorStatus>().ToDictionary(s => IndicatorWords.Word(s), _ => 0);
        foreach (var indicator in basket.Items.Select(i => i.Indicator!))
        {
            var judged = indicator.Frequency == Frequency.Annual ? period.FinancialYearOf(ysm) : period;
            var value = values.FirstOrDefault(v => v.IndicatorId == indicator.Id && v.Period == judged)?.Value;
            var target = indicator.Targets.FirstOrDefault(t => t.Period == judged) ?? indicator.Targets.FirstOrDefault(t => t.Period == judged.FinancialYearOf(ysm));
            var asTarget = target is null ? null : target.Value is { } n ? Target.Numeric(n) : Target.OfText(target.Text ?? "-");
            var status = IndicatorRules.Status(value, asTarget, indicator.Polarity, indicator.Tolerance,
                IndicatorRules.IsDue(judged, organisation.ValuesDueDays, today));
            counts[IndicatorWords.Word(status)]++;
        }

        return (basket.Id, counts);
    });

    [GeneratedRegex("data-testid=\"count-(?<status>[a-z-]+)\">.*?data-testid=\"count\">(?<n>\\d+)<", RegexOptions.Singleline)]
    private static partial Regex Counts();

    [GeneratedRegex("data-testid=\"basket-row\"")]
    private static partial Regex BasketRows();
}
