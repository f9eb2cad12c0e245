using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Support.ApiResponses;

namespace Waymark.Web.Tests.Performance;

/// <summary>
/// South Cambridgeshire's exceptions for Q2 and Q3 2011/12 (the demo runs as at 16 January 2012, when Q3's values are
/// still due), worked out here from the demo data through the indicator library and the actions as stored, and
/// compared with the exceptions page and the API.
/// </summary>
[Collection(ReadOnlyApp.Name)]
[Trait("Database", "Independent")]
public partial class ExceptionsTests(WaymarkFactory factory)
{
    private const string Api = "/api/v1/organisations/south-cambridgeshire/performance";

    private sealed record Expected(IReadOnlySet<int> Red, IReadOnlySet<int> Missing, IReadOnlySet<int> Overdue);

    /// <summary>The Red indicators, those missing at the deadline, and the overdue actions, from the demo data.</summary>
    private async Task<Expected> ExpectedAsync(Period quarter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == TestData.Scdc);
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
        var today = organisation.Today(TimeProvider.System);
        var library = await scope.ServiceProvider.GetRequiredService<IndicatorQueries>().LibraryAsync(quarter);
        var rounds = await db.MonitoringRounds.AsNoTracking().Select(r => new { r.Period, r.ReturnsDeadline }).ToListAsync();
        var red = new HashSet<int>();
        var missing = new HashSet<int>();
        foreach (var series in library.Series)
        {
            // A monthly indicator is judged at the quarter's last month, an annual one for its year.
            var judged = series.Indicator.Frequency switch
            {
                Frequency.Monthly => Period.MonthsOf(quarter)[^1],
                Frequency.Annual => quarter.FinancialYearOf(organisation.YearStartMonth),
                _ => quarter,
            };
            if (series.For(judged) is not { } row)
            {
                continue;
            }

            var roundDeadlines = rounds.Where(r => r.Period == judged).Select(r => r.ReturnsDeadline).ToList();
            var deadline = roundDeadlines.Count > 0 ? roundDeadlines.Max() : judged.End.AddDays(organisation.ValuesDueDays);

            if (row.Status == IndicatorStatus.Red)
            {
                red.Add(series.Indicator.Id);
            }

            if (row.Value is null && today > deadline)
            {
                missing.Add(series.Indicator.Id);
            }
        }

        var asAt = quarter.End < today ? quarter.End : today;
        var actions = await db.PlanActions.AsNoTracking().ToListAsync();
        var overdue = actions.Where(a => (a.RevisedDueMonth ?? a.DueMonth) is { } due && due.End < asAt
                && a.State != ActionState.Cancelled && !(a.State == ActionState.Completed && (a.CompletedOn is not { } on || on <= asAt)))
            .Select(a => a.Id).ToHashSet();
        return new Expected(red, missing, overdue);
    }

    private static HashSet<int> Ids(JsonElement exceptions, string kind, string itemKind) =>
        exceptions.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == kind)
            .GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == itemKind)
            .Select(i => i.GetProperty("id").GetInt32()).ToHashSet();

    private static HashSet<int> PageIds(string html, string kind, string itemKind)
    {
        var section = Html.InnerHtml(html, "exceptions-" + kind);
        return ItemAttribute().Matches(section).Where(m => m.Groups["kind"].Value == itemKind)
            .Select(m => int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }

    [Theory]
    [InlineData("Q2011-07")]
    [InlineData("Q2011-10")]
    public async Task SouthCambridgeshiresExceptions_OnThePageAndInTheApi_AreThoseTheDemoDataGives(string code)
    {
        var quarter = Period.FromCode(code);
        var expected = await ExpectedAsync(quarter);
        using var api = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Councillor), readOnly: true);
        var page = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        using var response = await api.GetAsync(new Uri($"{Api}/exceptions?period={code}", UriKind.Relative));
        var json = await OkAsync<JsonElement>(response);
        var html = await page.GetPageAsync($"/south-cambridgeshire/performance/exceptions?period={code}");

        Assert.Equal(expected.Red.Order(), Ids(json, "red", "indicator").Order());
        Assert.Equal(expected.Missing.Order(), Ids(json, "missing-at-deadline", "indicator").Order());
        Assert.Equal(expected.Overdue.Order(), Ids(json, "overdue-action", "action").Order());
        Assert.Equal(expected.Red.Order(), PageIds(html, "red", "Indicator").Order());
        Assert.Equal(expected.Overdue.Order(), PageIds(html, "overdue-action", "Action").Order());
        Assert.Equal(json.GetProperty("count").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Regex.Match(Html.InnerHtml(html, "exception-count"), @"\d+").Value);
    }

    [Fact]
    public async Task Q2_HasRedMeasures_EachWithItsResponsibleOfficerAndHowLong()
    {
        var expected = await ExpectedAsync(Period.FromCode("Q2011-07"));
        using var api = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Councillor), readOnly: true);

        using var response = await api.GetAsync(new Uri($"{Api}/exceptions?period=Q2011-07", UriKind.Relative));
        var json = await OkAsync<JsonElement>(response);

        Assert.NotEmpty(expected.Red);
        var red = json.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == "red").GetProperty("items").EnumerateArray().ToList();
        Assert.All(red, i => Assert.Equal("red", i.GetProperty("status").GetString()));
        Assert.All(red, i => Assert.StartsWith("Red", i.GetProperty("exceptions").EnumerateArray().First().GetProperty("howLong").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownPeriod_IsAProblemAgainstThePeriod()
    {
        using var api = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Councillor), readOnly: true);

        using var response = await api.GetAsync(new Uri($"{Api}/exceptions?period=someday", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
    }

    [GeneratedRegex("data-item=\"(?<kind>[A-Za-z]+)-(?<id>\\d+)\"")]
    private static partial Regex ItemAttribute();
}
