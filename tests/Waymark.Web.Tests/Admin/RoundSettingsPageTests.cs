using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Security;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Admin;

/// <summary>South Cambridgeshire's round settings and bank holidays, changed by its demo administrator (as at 16 January 2012).</summary>
[Trait("Database", "Independent")]
public class RoundSettingsPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Page = "/south-cambridgeshire/admin/rounds";

    private Task<HttpClient> AdministratorAsync() => factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));

    [Fact]
    public async Task Get_ShowsTheDefaults_AndTheYearsBankHolidays()
    {
        var client = await AdministratorAsync();

        var html = await client.GetPageAsync(Page);

        Assert.Equal("10", AccountTestData.InputValue(html, "ReturnsWorkingDays"));
        Assert.Equal("5", AccountTestData.InputValue(html, "SignOffWorkingDays"));
        Assert.Equal("3", AccountTestData.InputValue(html, "ClosingSoonDays"));
        Assert.Contains("Bank holidays and closure days in 2012", html, StringComparison.Ordinal);
        Assert.Contains("Monday 2 January 2012", Html.TestId(html, "holiday-2012-01-02"), StringComparison.Ordinal);
        Assert.Contains("Queen's Diamond Jubilee", Html.TestId(html, "holiday-2012-06-05"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BadNumbers_AreShownNextToTheirFields_AndGoodOnesAreSavedAndAudited()
    {
        var client = await AdministratorAsync();

        using var bad = await WriteContext.SubmitAsync(client, Page, change: f => (f["ReturnsWorkingDays"], f["GraceDays"]) = ("", "ten"));
        var html = await bad.Content.ReadAsStringAsync();
        using var good = await WriteContext.SubmitAsync(client, Page, change: f => (f["ReturnsWorkingDays"], f["AutoCloseDays"]) = ("8", "20"));

        Assert.Contains("<a href=\"#returns-working-days\">Enter how many working days after the period ends returns are due</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"grace-days-error\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var organisation = await factory.QueryAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == "south-cambridgeshire"));
        Assert.Equal((8, (int?)20), (organisation.ReturnsWorkingDays, organisation.RoundAutoCloseDays));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Organisation" && e.OrganisationId == organisation.Id
            && e.Changes!.Contains("ReturnsWorkingDays"))));
    }

    [Fact]
    public async Task AClosureDay_IsAddedListedAndRemoved_AndAnImpossibleOneIsRefusedOnTheDate()
    {
        var client = await AdministratorAsync();

        using var weekend = await AddAsync(client, "7", "1", "2012", "Saturday closure");
        var refused = await weekend.Content.ReadAsStringAsync();
        using var added = await AddAsync(client, "3", "1", "2012", "Council closure day");
        var listed = await client.GetPageAsync($"{Page}?year=2012");
        using var removed = await WriteContext.SubmitAsync(client, $"{Page}?year=2012", "handler=remove");
        var after = await client.GetPageAsync($"{Page}?year=2012");

        Assert.Contains("<a href=\"#date-day\">Saturday 7 January 2012 is a weekend day", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Council closure day", Html.TestId(listed, "holiday-2012-01-03"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("data-testid=\"holiday-2012-01-03\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APerformanceOfficer_IsRefusedThePage()
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        using var response = await client.GetAsync(new Uri(Page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, string day, string month, string year, string name) =>
        WriteContext.SubmitAsync(client, $"{Page}?year={year}", "handler=add", f =>
        {
            (f["date-day"], f["date-month"], f["date-year"]) = (day, month, year);
            (f["Kind"], f["Name"]) = ("closure", name);
        });
}
