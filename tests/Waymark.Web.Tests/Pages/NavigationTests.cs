using System.Text.RegularExpressions;
using Waymark.Core.Accounts;
using Waymark.Web.Pages;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Pages;

/// <summary>
/// The service navigation as each demo role sees it, rendered by the layout: never more than seven links in one row,
/// each role's own work as the second level of the organisation's home, and account links in the header.
/// </summary>
[Collection(ReadOnlyApp.Name)]
public partial class NavigationTests(WaymarkFactory factory)
{
    private const string Org = "/south-cambridgeshire";

    public static TheoryData<Role?, string, string> Roles() => new()
    {
        { Role.Administrator, "home framework indicators plans units monitoring admin", "overview my-updates my-actions my-return verify returns" },
        { Role.PerformanceOfficer, "home framework indicators plans units monitoring admin", "overview my-updates my-actions my-return verify returns" },
        { Role.ServiceManager, "home framework indicators plans units monitoring", "overview my-updates my-actions my-return verify returns" },
        { Role.LeadOfficer, "home framework indicators plans units", "overview my-updates my-actions my-return exceptions" },
        { Role.Councillor, "home framework indicators plans units", "overview exceptions" },
        { Role.Auditor, "home framework indicators plans units monitoring audit", "" },
        { null, "home framework", "" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task OrganisationHome_ForEachRole_ShowsAtMostSevenLinksInARow_GroupedBySection(Role? role, string sections, string ownWork)
    {
        var client = role is { } r
            ? await factory.SignedInClientAsync(WaymarkFactory.Demo(r))
            : factory.CreateClient(new() { AllowAutoRedirect = false });

        var html = await client.GetPageAsync(Org);

        var row = NavigationIds(Html.InnerHtml(html, "service-navigation"));
        var second = html.Contains("data-testid=\"section-navigation\"", StringComparison.Ordinal)
            ? NavigationIds(Html.InnerHtml(html, "section-navigation"))
            : [];
        var account = Html.InnerHtml(html, "account-navigation");
        Assert.InRange(row.Count, 1, ServiceNavigation.MostInARow);
        Assert.InRange(second.Count, 0, ServiceNavigation.MostInARow);
        Assert.Equal(sections, string.Join(" ", row));
        Assert.Equal(ownWork, string.Join(" ", second));
        Assert.Contains(role is null ? "data-testid=\"nav-sign-in\"" : "data-testid=\"sign-out\"", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalWorkPage_IsInTheHomeSection_WithItsSecondLevelShownAndMarkedCurrent()
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.ServiceManager));

        var verify = await client.GetPageAsync($"{Org}/indicators/verify");
        var indicators = await client.GetPageAsync($"{Org}/indicators");

        Assert.Matches("<a [^>]*data-testid=\"nav-home\" aria-current=\"true\"", Html.InnerHtml(verify, "service-navigation"));
        Assert.Matches("<a [^>]*data-testid=\"nav-verify\" aria-current=\"page\"", Html.InnerHtml(verify, "section-navigation"));
        Assert.DoesNotMatch("data-testid=\"nav-indicators\" aria-current", verify);
        // The library is the first page of the Indicators section, beside the scorecards.
        Assert.Matches("<a [^>]*data-testid=\"nav-indicators\" aria-current=\"(true|page)\"", Html.InnerHtml(indicators, "service-navigation"));
        Assert.Matches("<a [^>]*data-testid=\"nav-indicator-list\" aria-current=\"page\"", Html.InnerHtml(indicators, "section-navigation"));
        Assert.Contains("data-testid=\"nav-baskets\"", Html.InnerHtml(indicators, "section-navigation"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-health-card\"", Html.InnerHtml(indicators, "section-navigation"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/south-cambridgeshire/people", "nav-units")]
    [InlineData("/south-cambridgeshire/units/1/posts", "nav-units")]
    [InlineData("/south-cambridgeshire/indicators/verify", "nav-verify")]
    [InlineData("/south-cambridgeshire/indicators/12", "nav-indicator-list")]
    [InlineData("/south-cambridgeshire/baskets/3", "nav-baskets")]
    [InlineData("/south-cambridgeshire/health-card", "nav-health-card")]
    [InlineData("/south-cambridgeshire", "nav-home")]
    [InlineData("/south-cambridgeshire/my-actions", "nav-my-actions")]
    [InlineData("/south-cambridgeshire/my-return/3", "nav-my-return")]
    [InlineData("/south-cambridgeshire/returns/7", "nav-returns")]
    [InlineData("/south-cambridgeshire/risks/heat-map", "nav-risks")]
    [InlineData("/south-cambridgeshire/risks", "nav-risks")]
    [InlineData("/south-cambridgeshire/plans/3", "nav-plan-list")]
    [InlineData("/", "nav-organisations")]
    [InlineData("/south-cambridgeshire/rounds/3", "nav-rounds")]
    [InlineData("/south-cambridgeshire/rounds/open", "nav-rounds")]
    [InlineData("/south-cambridgeshire/messages", "nav-messages")]
    [InlineData("/south-cambridgeshire/corrections/exceptions", "nav-corrections")]
    [InlineData("/south-cambridgeshire/audit", "nav-audit")]
    [InlineData("/south-cambridgeshire/performance/exceptions", "nav-exceptions")]
    public void CurrentLink_IsTheMostSpecificOneTheAddressBelongsTo(string path, string expected)
    {
        var actor = new Actor(1, "Test", 1, Role.Administrator, true, new HashSet<int>(), null, new HashSet<int>());
        var navigation = ServiceNavigation.For(path == "/" ? null : "south-cambridgeshire", actor, path);

        var current = navigation.Sections.SelectMany(s => s.All).Where(navigation.IsCurrent).Select(l => l.TestId).ToList();

        Assert.Contains(expected, current);
        // A section with a second level is current with its link there (Home with Overview, Plans with Plans or Risks, Indicators with the library or Scorecards).
        Assert.All(current, c => Assert.True(c == expected || c is "nav-home" or "nav-overview" or "nav-plans" or "nav-indicators", $"{c} is current at {path} too."));
    }

    private static List<string> NavigationIds(string html) =>
        NavId().Matches(html).Select(m => m.Groups["id"].Value).ToList();

    [GeneratedRegex("data-testid=\"nav-(?<id>[a-z-]+)\"")]
    private static partial Regex NavId();
}
