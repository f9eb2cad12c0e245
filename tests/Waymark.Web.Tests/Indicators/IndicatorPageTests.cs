using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Indicators;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Indicators;

/// <summary>An indicator's page, and defining, changing and deleting indicators and their targets through the pages.</summary>
public class IndicatorPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Org = "/south-cambridgeshire";

    private Task<HttpClient> SignInAsync(Role role) => factory.SignedInClientAsync(WaymarkFactory.Demo(role));

    private static async Task<(HttpStatusCode Status, string Html, string? Location)> SubmitAsync(HttpClient client, PageForm form)
    {
        using var response = await form.PostAsync(client);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    private Task<int> SimpleAsync(string title, int? unitId = null) =>
        new IndicatorBuilder { Title = title, UnitId = unitId }.Target(IndicatorBuilder.Year(2011), 50).SaveAsync(factory);

    [Fact]
    public async Task IndicatorPage_ShowsDefinitionTargetsValuesStatusDirectionWhoAndHistory()
    {
        var q1 = IndicatorBuilder.Quarter(2011, 1);
        var id = await new IndicatorBuilder
        {
            Code = "PG 1", Title = "Percentage of residents satisfied", Definition = "Satisfied ÷ asked", BaselineValue = 33.9m,
            BaselinePeriod = "2008", BaselineNote = "From the place survey", Tags = IndicatorTags.National | IndicatorTags.Public,
        }
            .Target(IndicatorBuilder.Year(2010), 30).Target(IndicatorBuilder.Year(2011), 50).Target(q1, 45)
            .TextTarget(IndicatorBuilder.Quarter(2011, 2), "Set baseline")
            .Value(IndicatorBuilder.Quarter(2010, 1), 40)
            .Value(q1, 46, commentary: "Up after the campaign", demo: true, verifiedBy: "Val Verifier")
            .SaveAsync(factory);
        using var client = await SignInAsync(Role.Councillor);

        var html = await client.GetPageAsync($"{Org}/indicators/{id}");

        Assert.Equal("Percentage of residents satisfied", Html.TestId(html, "indicator-title"));
        var definition = Html.TestId(html, "indicator-definition");
        Assert.Contains("Satisfied ÷ asked", definition, StringComparison.Ordinal);
        Assert.Contains("Higher is better", definition, StringComparison.Ordinal);
        Assert.Contains("Quarterly", definition, StringComparison.Ordinal);
        Assert.Contains("Average of the periods", definition, StringComparison.Ordinal);
        Assert.Contains("National, Public", definition, StringComparison.Ordinal);
        Assert.Contains("5% of the target", definition, StringComparison.Ordinal);
        Assert.Equal("34% (2008). From the place survey", Html.TestId(html, "def-baseline"));
        var q1Row = Html.Text(RowOf(html, q1.Code));
        Assert.Contains("45%", q1Row, StringComparison.Ordinal);
        Assert.Contains("46%", q1Row, StringComparison.Ordinal);
        Assert.Contains("On target", q1Row, StringComparison.Ordinal);
        Assert.Contains("Improving", q1Row, StringComparison.Ordinal);
        Assert.Contains("Up after the campaign", q1Row, StringComparison.Ordinal);
        Assert.Contains("Pat Entered", q1Row, StringComparison.Ordinal);
        Assert.Contains("Val Verifier", q1Row, StringComparison.Ordinal);
        Assert.Contains("Demonstration value", q1Row, StringComparison.Ordinal);
        var q2Row = Html.Text(RowOf(html, IndicatorBuilder.Quarter(2011, 2).Code));
        Assert.Contains("Set baseline", q2Row, StringComparison.Ordinal);
        Assert.Contains("Missing", q2Row, StringComparison.Ordinal);
        Assert.Contains("Not verified", Html.Text(RowOf(html, IndicatorBuilder.Quarter(2010, 1).Code)), StringComparison.Ordinal);
        var history = Html.TestId(html, "history-table");
        Assert.Contains("Entered", history, StringComparison.Ordinal);
        Assert.Contains("Q1 2011/12", history, StringComparison.Ordinal);
        Assert.Contains("Up after the campaign", history, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"chart-title chart-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("Slightly off target", Html.TestId(html, "chart-legend"), StringComparison.Ordinal);
        // A councillor reads; they are not offered changes.
        Assert.DoesNotContain("data-testid=\"action-change\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"enter-value\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndicatorPage_ForAPerformanceOfficer_LinksToEnterValuesAndChangeTargets()
    {
        var q1 = IndicatorBuilder.Quarter(2011, 1);
        var id = await new IndicatorBuilder { Title = "Links indicator" }.Target(IndicatorBuilder.Year(2011), 50).Value(q1, 40).SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);

        var html = await client.GetPageAsync($"{Org}/indicators/{id}");

        Assert.Contains($"href=\"{Org}/indicators/{id}/values/{q1.Code}\"", html, StringComparison.Ordinal);
        Assert.Contains("Change value<span class=\"govuk-visually-hidden\"> for Q1 2011/12</span>", html, StringComparison.Ordinal);
        Assert.Contains("Enter value<span class=\"govuk-visually-hidden\"> for Q2 2011/12</span>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Org}/indicators/{id}/targets/Y2011-04\"", html, StringComparison.Ordinal);
        Assert.Contains("Add targets for 2012/13", Html.TestId(html, "later-years"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutATitle_ShowsTheGovukErrorAndKeepsTheInput()
    {
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/new", "indicator-form");

        form["Title"] = " ";
        form["Code"] = "KEEP 1";
        form["BaselineValue"] = "1.2.3";
        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        var summary = Html.TestId(html, "error-summary");
        Assert.Contains("Enter a title", summary, StringComparison.Ordinal);
        Assert.Contains("Baseline must be a number", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"#title\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"title-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"baselineValue-error\"", html, StringComparison.Ordinal);
        Assert.Equal("KEEP 1", PageForm.Parse(html, "indicator-form", "/")["Code"]);
    }

    [Fact]
    public async Task Create_WithTheRequiredFields_SavesAndShowsTheIndicator()
    {
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/new", "indicator-form");

        form["Code"] = "NEW 1";
        form["Title"] = "Number of new homes built";
        form["Unit"] = "number";
        form["Polarity"] = "higher";
        form["Frequency"] = "annual";
        form["Aggregation"] = "sum";
        form["Tags"] = "local";
        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        var page = await client.GetPageAsync(location!);
        Assert.Equal("Number of new homes built", Html.TestId(page, "indicator-title"));
        Assert.Contains("Annual", Html.TestId(page, "def-frequency"), StringComparison.Ordinal);
        Assert.Equal("Local", Html.TestId(page, "def-tags"));
    }

    [Fact]
    public async Task Edit_WithAStaleVersion_ShowsWhatChangedAndKeepsTheInput()
    {
        var id = await SimpleAsync("Stale indicator");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/{id}/edit", "indicator-form");
        await factory.InOrganisationAsync(async db =>
        {
            var saved = await db.Indicators.SingleAsync(i => i.Id == id);
            saved.Title = "Changed by someone else";
            return await db.SaveChangesAsync();
        });

        form["Title"] = "My own title";
        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        var conflict = Html.TestId(html, "conflict");
        Assert.Contains("Changed by someone else", conflict, StringComparison.Ordinal);
        Assert.Contains("My own title", conflict, StringComparison.Ordinal);
        Assert.Equal("My own title", PageForm.Parse(html, "indicator-form", "/")["Title"]);
        Assert.Equal("Changed by someone else", await factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task Edit_AppliedFromALaterYear_KeepsTheEarlierDefinitionOnThePage()
    {
        var id = await SimpleAsync("Original title");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/{id}/edit", "indicator-form");

        form["Title"] = "Revised title";
        form["ChangeAppliesFrom"] = "2012/13";
        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        var page = await client.GetPageAsync(location!);
        Assert.Equal("Revised title", Html.TestId(page, "indicator-title"));
        Assert.Equal("2012/13", Html.TestId(page, "def-applies-from"));
        var earlier = Html.TestId(page, "earlier-definition");
        Assert.Contains("Version 1, applied up to 2011/12", earlier, StringComparison.Ordinal);
        Assert.Contains("Original title", earlier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_AsServiceManagerOutsideTheirUnits_IsRefusedWith403()
    {
        var id = await SimpleAsync("Indicator of no unit");
        using var client = await SignInAsync(Role.ServiceManager);

        var html = await client.GetPageAsync($"{Org}/indicators/{id}/edit", HttpStatusCode.Forbidden);
        var targets = await client.GetPageAsync($"{Org}/indicators/{id}/targets/Y2011-04", HttpStatusCode.Forbidden);

        Assert.Contains("You can define and change only the indicators of your units", Html.TestId(html, "denied-reason"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"denied-reason\"", targets, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesTheIndicatorAndReturnsToTheLibrary()
    {
        var id = await SimpleAsync("Indicator to delete");
        using var client = await SignInAsync(Role.Administrator);
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/{id}/delete", "delete-form");

        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"{Org}/indicators", location);
        Assert.False(await factory.InOrganisationAsync(db => db.Indicators.AnyAsync(i => i.Id == id)));
        await client.GetPageAsync($"{Org}/indicators/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_OfAnIndicatorAPlanActionLinksTo_IsRefusedOnThePage_NamingThePlan()
    {
        var id = await SimpleAsync("Indicator a plan links to");
        var (_, action) = await new Waymark.Web.Tests.Plans.ActionBuilder { PlanTitle = "Plan linking an indicator" }.SaveAsync(factory);
        await factory.InOrganisationAsync(db =>
        {
            db.ActionLinks.Add(new Waymark.Core.Plans.ActionLink { OrganisationId = db.Scope.RequireId(), ActionId = action, IndicatorId = id });
            return db.SaveChangesAsync();
        });
        using var client = await SignInAsync(Role.Administrator);
        var url = $"{Org}/indicators/{id}/delete";

        var page = await client.GetPageAsync(url);
        using var posted = await client.PostFormAsync(url, new() { ["Version"] = Guid.NewGuid().ToString() });

        const string Refusal = "This indicator cannot be deleted while plans use it: 1 action link, in “Plan linking an indicator”. Remove it from those plans first.";
        Assert.Equal(Refusal, Html.TestId(page, "delete-refused"));
        Assert.DoesNotContain("data-testid=\"delete-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(Refusal, Html.TestId(await posted.Content.ReadAsStringAsync(), "delete-refused"));
        Assert.True(await factory.InOrganisationAsync(db => db.Indicators.AnyAsync(i => i.Id == id)));
        Assert.True(await factory.InOrganisationAsync(db => db.ActionLinks.AnyAsync(l => l.IndicatorId == id)));
    }

    [Fact]
    public async Task YearTargets_ForAYearNotCollected_LinkTheErrorToTheHeadingThatNamesTheYear()
    {
        var id = await new IndicatorBuilder { Title = "Targets of a stopped indicator", Unit = IndicatorUnit.Number }.SaveAsync(factory);
        await factory.InOrganisationAsync(async db =>
        {
            (await db.Indicators.SingleAsync(i => i.Id == id)).CollectUntil = IndicatorBuilder.Year(2010);
            return await db.SaveChangesAsync();
        });
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/{id}/targets/Y2011-04", "targets-form");

        form["Target"] = "40";
        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a href=\"#year\">2011/12 is after 2010/11, the last year this indicator is collected for</a>",
            Html.InnerHtml(html, "error-summary"), StringComparison.Ordinal);
        Assert.Matches("<h1 [^>]*id=\"year\"[^>]*data-testid=\"targets-heading\"", html);
    }

    [Fact]
    public async Task YearTargets_SaveANumberATextTargetAsWrittenAndAProfile()
    {
        var id = await new IndicatorBuilder { Title = "Targets indicator", Unit = IndicatorUnit.Number }.SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/{id}/targets/Y2011-04", "targets-form");

        form["Target"] = "Set baseline";
        form["Profile[0]"] = "10";
        form["Profile[1]"] = "1,020";
        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        var saved = await factory.InOrganisationAsync(db => db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == id).ToListAsync());
        Assert.Equal("Set baseline", Assert.Single(saved, t => t.Period == IndicatorBuilder.Year(2011)).Text);
        Assert.Equal(10m, Assert.Single(saved, t => t.Period == IndicatorBuilder.Quarter(2011, 1)).Value);
        Assert.Equal(1020m, Assert.Single(saved, t => t.Period == IndicatorBuilder.Quarter(2011, 2)).Value);
        Assert.Equal(3, saved.Count);
        var page = await client.GetPageAsync(location!.Split('#')[0]);
        Assert.Equal("Set baseline", Html.TestId(page, "year-target"));
        var again = await client.GetPageAsync($"{Org}/indicators/{id}/targets/Y2011-04");
        Assert.Contains("Q1 2011/12 target", again, StringComparison.Ordinal);
        Assert.Equal("1020", PageForm.Parse(again, "targets-form", "/")["Profile[1]"]);
    }

    [Theory]
    [InlineData("39..5", "", "target", "\u201c39..5\u201d is not a number: correct it (like 33.9 or 1,010), or choose to save it as a text target")]
    [InlineData("140", "", "target", "The target must be between 0% and 100%, as a percentage; if this indicator can go beyond that, set its lowest and highest values on its definition")]
    [InlineData("", "", "target", "Enter the year's target, or choose to remove the year's targets")]
    public async Task YearTargets_WithAGuardedMistake_ShowTheSummaryAndTheFieldMessage_AndSaveNothing(string target, string profile, string field, string message)
    {
        var id = await SimpleAsync("Guarded targets " + Guid.NewGuid().ToString("N")[..4]);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/{id}/targets/Y2011-04", "targets-form");
        form["Target"] = target;
        form["Profile[0]"] = profile;

        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<a href=\"#{field}\">{System.Text.RegularExpressions.Regex.Unescape(message)}</a>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        var saved = await factory.InOrganisationAsync(db => db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == id).Select(t => t.Value).ToListAsync());
        Assert.Equal([50m], saved);
    }

    [Fact]
    public async Task YearTargets_ChosenAsTextOrCleared_OnPurpose_AreSaved()
    {
        var id = await SimpleAsync("Text or cleared targets");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/{id}/targets/Y2011-04", "targets-form");
        form["Target"] = "31/03/2012";
        form["SaveAsText"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, form)).Status);
        Assert.Equal("31/03/2012", await factory.InOrganisationAsync(db => db.IndicatorTargets.Where(t => t.IndicatorId == id).Select(t => t.Text).SingleAsync()));

        var clear = await PageForm.ReadAsync(client, $"{Org}/indicators/{id}/targets/Y2011-04", "targets-form");
        clear["Target"] = "";
        clear["Clear"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, clear)).Status);
        Assert.False(await factory.InOrganisationAsync(db => db.IndicatorTargets.AnyAsync(t => t.IndicatorId == id)));
    }

    [Fact]
    public async Task YearTargets_ProRata_FillsTheQuartersFromTheYear_ForCheckingBeforeSaving()
    {
        var id = await new IndicatorBuilder { Title = "Summed targets", Unit = IndicatorUnit.Number, Aggregation = Aggregation.Sum }.SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var url = $"{Org}/indicators/{id}/targets/Y2011-04";
        var form = await PageForm.ReadAsync(client, url, "targets-form");
        form["Target"] = "1,000";

        using var response = await client.PostAsync(new Uri(url + "?handler=ProRata", UriKind.Relative), new FormUrlEncodedContent(form.Fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("worked out pro rata", Html.TestId(html, "profile-proposed"), StringComparison.Ordinal);
        var proposed = PageForm.Parse(html, "targets-form", url);
        Assert.Equal(["250", "250", "250", "250"], Enumerable.Range(0, 4).Select(n => proposed[$"Profile[{n}]"]));
        Assert.False(await factory.InOrganisationAsync(db => db.IndicatorTargets.AnyAsync(t => t.IndicatorId == id)));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, proposed)).Status);
        Assert.Equal(5, await factory.InOrganisationAsync(db => db.IndicatorTargets.CountAsync(t => t.IndicatorId == id)));
    }

    [Fact]
    public async Task AnAnnualIndicatorsDownload_CarriesEachValuesCommentaryWhoAndWhyNot()
    {
        var id = await new IndicatorBuilder { Code = "ANN 1", Title = "Annual survey", Frequency = Frequency.Annual, Aggregation = Aggregation.Latest }
            .Target(IndicatorBuilder.Year(2010), 50).Value(IndicatorBuilder.Year(2010), 48, commentary: "Fewer replies", verifiedBy: "A verifier")
            .Value(IndicatorBuilder.Year(2011), null, notAvailable: "Survey not run").SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);

        var csv = await client.GetStringAsync(new Uri($"{Org}/indicators/{id}/export?format=csv", UriKind.Relative));

        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var y2010 = Assert.Single(rows, r => r.Contains("\"2010/11\"", StringComparison.Ordinal));
        Assert.Contains("Fewer replies", y2010, StringComparison.Ordinal);
        Assert.Contains("A verifier", y2010, StringComparison.Ordinal);
        Assert.Contains("Survey not run", Assert.Single(rows, r => r.Contains("\"2011/12\"", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StocktonInvoices_Q3Of2010_IsJudgedRedByTheYearsTarget_OnItsPage()
    {
        var id = await factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Code == "ex-BVPI 8").Select(i => i.Id).SingleAsync(), "stockton-on-tees");
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer, "stockton-on-tees"));

        var html = await client.GetPageAsync($"/stockton-on-tees/indicators/{id}");

        var row = html[html.IndexOf("data-period=\"Q2010-10\"", StringComparison.Ordinal)..];
        var q3 = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("85%", q3, StringComparison.Ordinal);
        Assert.Contains("(the year’s target)", System.Net.WebUtility.HtmlDecode(q3), StringComparison.Ordinal);
        Assert.Contains("Off target", q3, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YearTargets_WithATextTargetTooLong_ShowTheErrorAgainstTheField()
    {
        var id = await SimpleAsync("Long target indicator");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/indicators/{id}/targets/Y2011-04", "targets-form");

        form["Profile[2]"] = new string('x', 501);
        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The text target must be 500 characters or fewer", Html.TestId(html, "error-summary"), StringComparison.Ordinal);
        Assert.Contains("href=\"#profile[2]\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_ShowsIndicatorsAndTheValueLinksToThoseWhoMayUseThem()
    {
        using var lead = await SignInAsync(Role.LeadOfficer);
        using var councillor = await SignInAsync(Role.Councillor);

        // My updates and Verify values are the second level of the organisation's home (a person's own work).
        var leadPage = await lead.GetPageAsync(Org);
        var councillorPage = await councillor.GetPageAsync(Org);

        Assert.Contains("data-testid=\"nav-indicators\"", leadPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-my-updates\"", leadPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nav-verify\"", leadPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nav-my-updates\"", councillorPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"indicators-link\"", councillorPage, StringComparison.Ordinal);
    }

    private static string RowOf(string html, string periodCode)
    {
        var start = html.IndexOf($"data-period=\"{periodCode}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {periodCode}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
