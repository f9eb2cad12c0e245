using System.Net;
using System.Net.Http.Json;
using Waymark.Core.Accounts;
using Waymark.Web.Api;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Pages;

[Collection(ReadOnlyApp.Name)]
public class PageTests(WaymarkFactory factory)
{
    private const string Scdc = "/south-cambridgeshire";

    private HttpClient Client() => factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<FrameworkNodeDto> FindAsync(string org, Func<FrameworkNodeDto, bool> match)
    {
        var tree = await Client().GetFromJsonAsync<List<FrameworkNodeDto>>($"/api/v1/organisations/{org}/framework", ApiJson.Options);
        return Flatten(tree!).First(match);
    }

    internal static IEnumerable<FrameworkNodeDto> Flatten(IEnumerable<FrameworkNodeDto> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    [Fact]
    public async Task Get_Home_ListsBothDemoCouncils()
    {
        var html = await Client().GetPageAsync("/");

        var list = Html.TestId(html, "organisation-list");
        Assert.Contains("South Cambridgeshire District Council", list, StringComparison.Ordinal);
        Assert.Contains("Stockton-on-Tees Borough Council", list, StringComparison.Ordinal);
        Assert.Equal(Scdc, Html.Href(html, "South Cambridgeshire District Council"));
    }

    [Fact]
    public async Task Get_OrganisationOverview_ShowsNameYearStartAndLevelCounts()
    {
        var html = await Client().GetPageAsync(Scdc);

        Assert.Equal("South Cambridgeshire District Council", Html.TestId(html, "organisation-name"));
        Assert.Contains("April", html, StringComparison.Ordinal);
        Assert.Matches(@"Aims \d+", Html.TestId(html, "level-counts"));
        Assert.Equal($"{Scdc}/framework", Html.Href(html, "View the golden thread"));
    }

    [Fact]
    public async Task Get_GoldenThread_ShowsAimsAToEWithReferences()
    {
        var html = await Client().GetPageAsync($"{Scdc}/framework");

        var tree = Html.TestId(html, "framework-tree");
        foreach (var aim in new[] { "A We are committed to being a listening", "B We are committed to ensuring", "C We are committed to making", "D We are committed to assisting", "E We are committed to providing a voice" })
        {
            Assert.Contains(aim, tree, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("<details", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_GoldenThread_ForAYear_ShowsOnlyWhatAppliesThen()
    {
        var all = await Client().GetPageAsync($"{Scdc}/framework");
        var later = await Client().GetPageAsync($"{Scdc}/framework?year=2011%2F12");

        Assert.Contains("<option value=\"2011/12\" selected=\"selected\">", later, StringComparison.Ordinal);
        Assert.True(later.Length < all.Length, "The 2011/12 view should hold fewer entries than all years.");
        // Aim D was reworded for 2011/12: the 2009/10 wording ("provision for local jobs") is not shown then.
        Assert.Contains("provision for local jobs", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("provision for local jobs", later, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_GoldenThread_WithAYearNotInTheList_ShowsErrorNextToTheField()
    {
        var html = await Client().GetPageAsync($"{Scdc}/framework?year=nonsense");

        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#year\">Choose a year from the list</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"year-error\"", html, StringComparison.Ordinal);
        Assert.StartsWith("Error:", Html.Text(html[html.IndexOf("<title>", StringComparison.Ordinal)..html.IndexOf("</title>", StringComparison.Ordinal)]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AimPage_ShowsChildrenAndWhatContributesToIt()
    {
        var aimA = await FindAsync("south-cambridgeshire", n => n.Level == "aim" && n.Reference == "A");

        var html = await Client().GetPageAsync($"{Scdc}/framework/{aimA.Id}");

        Assert.Equal("Aim A", Html.TestId(html, "objective-level"));
        var children = Html.TestId(html, "children");
        Assert.Contains("A i", children, StringComparison.Ordinal);
        Assert.Contains("A1", children, StringComparison.Ordinal);
        Assert.Contains("Service objective", Html.TestId(html, "contributed-to-by"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EveryServiceObjectiveOf2009Plan_ShowsTheAimsItContributesTo()
    {
        var tree = await Client().GetFromJsonAsync<List<FrameworkNodeDto>>("/api/v1/organisations/south-cambridgeshire/framework", ApiJson.Options);
        var objectives = Flatten(tree!).Where(n => n.Level == "service-objective" && n.Start == "2009/10").ToList();
        Assert.NotEmpty(objectives);
        var linked = 0;

        foreach (var objective in objectives)
        {
            var detail = await Client().GetFromJsonAsync<ObjectiveDto>($"/api/v1/organisations/south-cambridgeshire/framework/{objective.Id}", ApiJson.Options);
            var aims = detail!.ContributesTo.Where(c => c.LevelName == "Aim").ToList();
            if (aims.Count == 0)
            {
                continue;
            }

            linked++;
            var html = await Client().GetPageAsync($"{Scdc}/framework/{objective.Id}");
            var shown = Html.TestId(html, "contributes-to");
            Assert.All(aims, aim => Assert.Contains($"{aim.Reference} {aim.Title}", shown, StringComparison.Ordinal));
        }

        Assert.True(linked >= 5, $"Only {linked} service objectives of the 2009/10 plan are linked to aims.");
    }

    [Fact]
    public async Task Get_ServiceObjective_ShowsParentUnitAndPeriod()
    {
        var node = await FindAsync("south-cambridgeshire", n => n.Level == "service-objective" && n.Title.StartsWith("To create safe communities", StringComparison.Ordinal));

        var html = await Client().GetPageAsync($"{Scdc}/framework/{node.Id}");

        var summary = Html.TestId(html, "objective-summary");
        Assert.Contains("Community and Customer Services", summary, StringComparison.Ordinal);
        Assert.Contains("2009/10 to", summary, StringComparison.Ordinal);
        Assert.Contains("B ", Html.TestId(html, "contributes-to"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Units_ShowsTheServiceAreaTeamsAndPortfolioHolders()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));
        var html = await client.GetPageAsync($"{Scdc}/units");

        var list = Html.TestId(html, "unit-list");
        Assert.Contains("Community and Customer Services", list, StringComparison.Ordinal);
        Assert.Contains("Partnerships", list, StringComparison.Ordinal);
        Assert.Contains("Partnerships: Cllr Ray Manning, Leader", list, StringComparison.Ordinal);

        var team = await client.GetPageAsync(Html.Href(html, "Communications"));
        Assert.Equal("Communications", Html.TestId(team, "unit-name"));
        Assert.Contains("Georgina Hayward", Html.TestId(team, "unit-people"), StringComparison.Ordinal);
        Assert.Contains("Communications Manager", Html.TestId(team, "posts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Stockton_GoldenThreadShowsPpc1To13()
    {
        var html = await Client().GetPageAsync("/stockton-on-tees/framework");

        var tree = Html.TestId(html, "framework-tree");
        for (var i = 1; i <= 13; i++)
        {
            Assert.Contains($"PPC {i} ", tree, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_Accessibility_Renders()
    {
        var html = await Client().GetPageAsync("/accessibility");

        Assert.Contains("Accessibility statement for Waymark", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-council")]
    [InlineData("/no-such-council/framework")]
    [InlineData("/south-cambridgeshire/framework/999999")]
    [InlineData("/south-cambridgeshire/units/999999")]
    public async Task Get_SomethingThatDoesNotExist_ShowsNotFoundPage(string url)
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));
        var html = await client.GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("Page not found", Html.TestId(html, "error-heading"));
    }

    [Fact]
    public async Task Get_NodeOfAnotherOrganisation_IsNotFound()
    {
        var stocktonNode = await FindAsync("stockton-on-tees", n => n.Reference == "PPC 1");

        await Client().GetPageAsync($"{Scdc}/framework/{stocktonNode.Id}", HttpStatusCode.NotFound);
        await Client().GetPageAsync($"/stockton-on-tees/framework/{stocktonNode.Id}");
    }

    [Fact]
    public async Task Get_PageThatFails_ShowsErrorPageWithoutDetails()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));
        var html = await client.GetPageAsync(WaymarkFactory.ThrowingPath, HttpStatusCode.InternalServerError);

        Assert.Equal("Sorry, there is a problem with the service", Html.TestId(html, "error-heading"));
        Assert.DoesNotContain("Secret internal detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Health_ReportsHealthy()
    {
        using var response = await Client().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_AnyPage_SendsSecurityHeaders()
    {
        using var response = await Client().GetAsync(new Uri(Scdc, UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Get_AnyPage_HasNoInlineScript()
    {
        var html = await Client().GetPageAsync($"{Scdc}/framework");

        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }
}
