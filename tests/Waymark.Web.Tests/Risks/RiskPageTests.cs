using System.Net;
using System.Text.RegularExpressions;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Risks;

/// <summary>
/// The risk register's pages: a service manager adds seed 000's Community Safety Partnership risk with a control and a
/// further action, reviews it, and finds it on the register and the heat map; councillors read but never write.
/// </summary>
public partial class RiskPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Org = "/south-cambridgeshire";

    private static async Task<string> AddRiskAsync(HttpClient client, string title)
    {
        var form = await PageForm.ReadAsync(client, $"{Org}/risks/new", "risk-form");
        form["Form.Title"] = title;
        form["Form.Cause"] = "Failure to deliver the Community Safety Partnership plan";
        form["Form.Event"] = "leading to an increase in crime and the fear of crime";
        form["Form.Consequence"] = "resulting in reduced public confidence";
        form["Form.Category"] = "Partnership";
        form["Form.OwnerName"] = "Community Safety Manager";
        // South Cambridgeshire's matrix is 4×4 (its 2009 partnership-risk indicator).
        (form["Form.InherentLikelihood"], form["Form.InherentImpact"]) = ("4", "4");
        (form["Form.CurrentLikelihood"], form["Form.CurrentImpact"]) = ("3", "4");
        (form["Form.TargetLikelihood"], form["Form.TargetImpact"]) = ("2", "3");
        using var saved = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return saved.RedirectPath()!;
    }

    [Fact]
    public async Task AServiceManager_AddsARisk_WithAControlAndAFurtherAction_ThenReviewsItHigher()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.ServiceManager));
        var riskPath = await AddRiskAsync(client, "Failure to deliver the Community Safety Partnership plan " + Guid.NewGuid().ToString("N")[..6]);

        var control = await PageForm.ReadAsync(client, $"{riskPath}/controls/new", "control-form");
        control["Form.Description"] = "Partnership board meets monthly";
        control["Form.Effectiveness"] = "Adequate";
        using (var saved = await control.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var action = await PageForm.ReadAsync(client, $"{riskPath}/actions/new", "further-action-form");
        action["Form.Text"] = "Agree a joint tasking protocol";
        action["Form.Due"] = "Mar 12";
        action["Form.Rag"] = "Amber";
        using (var saved = await action.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var review = await PageForm.ReadAsync(client, $"{riskPath}/review", "review-form");
        Assert.Equal("3", review["Likelihood"]);
        (review["Likelihood"], review["Impact"], review["Commentary"]) = ("4", "4", "Crime up in two wards");
        using (var saved = await review.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await client.GetPageAsync(riskPath);
        Assert.StartsWith("16 Very high", Html.TestId(page, "current-score"), StringComparison.Ordinal);
        Assert.Contains("Adequate", Html.TestId(page, "risk-controls"), StringComparison.Ordinal);
        Assert.StartsWith("Amber", Html.TestId(page, "action-rag"), StringComparison.Ordinal);
        Assert.Contains("Crime up in two wards", Html.TestId(page, "risk-history"), StringComparison.Ordinal);
        Assert.Contains("leading to an increase in crime", Html.TestId(page, "risk-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARiskWithoutATitleOrScores_IsRefused_WithTheErrorSummary()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var form = await PageForm.ReadAsync(client, $"{Org}/risks/new", "risk-form");

        using var response = await form.PostAsync(client);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = Html.TestId(html, "error-summary");
        Assert.Contains("Enter a title", summary, StringComparison.Ordinal);
        Assert.Contains("Select the current likelihood", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"#title\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHeatMap_CountsWhatItsTableCounts_AndEachCellLinksToItsRisks()
    {
        using var officer = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var title = "Heat map risk " + Guid.NewGuid().ToString("N")[..6];
        await AddRiskAsync(officer, title);

        foreach (var view in new[] { "", "?view=inherent", "?view=target", "?category=0&view=target" })
        {
            var map = await officer.GetPageAsync($"{Org}/risks/heat-map{view}");
            var cells = CellCount().Matches(map).ToDictionary(m => m.Groups["cell"].Value, m => m.Groups["count"].Value);
            Assert.NotEmpty(cells);
            foreach (var (cell, count) in cells)
            {
                Assert.Equal(count, Regex.Match(Html.TestId(map, $"table-cell-{cell}"), "^\\d+").Value);
            }
        }

        var current = await officer.GetPageAsync($"{Org}/risks/heat-map");
        Assert.Contains("role=\"group\"", current, StringComparison.Ordinal);
        var link = WebUtility.HtmlDecode(Regex.Match(current, "<a href=\"(?<href>[^\"]+)\"[^>]*data-testid=\"heat-cell-3-4\"").Groups["href"].Value);
        Assert.EndsWith("/risks?l=3&i=4", link, StringComparison.Ordinal);
        Assert.Contains(title, await officer.GetPageAsync(link), StringComparison.Ordinal);
        Assert.Matches("^\\d+ \\p{L}", Html.TestId(current, "heat-cell-3-4"));
    }

    [Fact]
    public async Task ACouncillor_ReadsTheRegister_ButCannotAddOrChangeRisks()
    {
        using var officer = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var riskPath = await AddRiskAsync(officer, "Councillor risk " + Guid.NewGuid().ToString("N")[..6]);
        using var councillor = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        using var register = await councillor.GetAsync(new Uri($"{Org}/risks", UriKind.Relative));
        using var add = await councillor.GetAsync(new Uri($"{Org}/risks/new", UriKind.Relative));
        using var edit = await councillor.GetAsync(new Uri($"{riskPath}/edit", UriKind.Relative));
        var page = await councillor.GetPageAsync(riskPath);

        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.DoesNotContain("data-testid=\"edit-risk\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheMatrixSize_SaysHowManyOpenRisksWillNeedReassessing_BeforeSaving()
    {
        using var officer = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        await AddRiskAsync(officer, "Matrix risk " + Guid.NewGuid().ToString("N")[..6]);
        using var admin = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));
        var form = await PageForm.ReadAsync(admin, $"{Org}/admin/risk-matrix", "resize-form");
        var size = form["LikelihoodLevels"] == "4" ? "5" : "4";
        (form["LikelihoodLevels"], form["ImpactLevels"]) = (size, size);

        using var asked = await form.PostAsync(admin);
        var html = await asked.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Matches("\\d+ open risks? will need re-assessing", Html.TestId(html, "confirm-reassessment"));
        using var officerPage = await officer.GetAsync(new Uri($"{Org}/admin/risk-matrix", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, officerPage.StatusCode);
    }

    [GeneratedRegex("data-testid=\"heat-cell-(?<cell>\\d+-\\d+)\">\\s*<rect[^>]*/>\\s*<text[^>]*>(?<count>\\d+)</text>")]
    private static partial Regex CellCount();
}
