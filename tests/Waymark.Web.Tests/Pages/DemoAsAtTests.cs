using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Pages;

/// <summary>The demo councils run as at 16 January 2012: every page says so, and their plans are judged at that date.</summary>
[Collection(ReadOnlyApp.Name)]
public class DemoAsAtTests(WaymarkFactory factory)
{
    [Theory]
    [InlineData("/south-cambridgeshire", "Demonstration council: Waymark shows South Cambridgeshire District Council as at 16 January 2012 (Q4 2011/12).")]
    [InlineData("/stockton-on-tees/framework", "Demonstration council: Waymark shows Stockton-on-Tees Borough Council as at 16 January 2012 (Q4 2011/12).")]
    public async Task ADemoCouncilsPage_SaysWhichDateItRunsAsAt(string path, string expected)
    {
        using var client = factory.CreateClient();

        var html = await client.GetPageAsync(path);

        Assert.Equal("Demonstration " + expected, Html.TestId(html, "as-at-banner"));
    }

    [Fact]
    public async Task PagesOutsideAnOrganisation_HaveNoBanner()
    {
        using var client = factory.CreateClient();

        var html = await client.GetPageAsync("/");

        Assert.DoesNotContain("as-at-banner", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.1.1", false)] // Due 31st March 2012, in progress: not yet due in January 2012.
    [InlineData("1.2.3", true)] // Due 31st Dec 2011, in progress.
    [InlineData("1.2.5", true)] // Due 31st July 2011, in progress.
    public async Task An2011To12Action_IsOverdueOnlyWhenItsDueMonthEndedBeforeTheDemoDate(string reference, bool overdue)
    {
        var (planId, actionId) = await factory.InOrganisationAsync(db => db.PlanActions
            .Where(a => a.Reference == reference && a.Plan!.Title == "Service Plan for Community and Customer Services 2011/12" && a.Plan.StartYear == Period.FinancialYear(2011, 4))
            .Select(a => new ValueTuple<int, int>(a.PlanId!.Value, a.Id)).SingleAsync());
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        var html = await client.GetPageAsync($"/south-cambridgeshire/plans/{planId}/actions/{actionId}");

        Assert.Equal(overdue, html.Contains("data-testid=\"overdue\"", StringComparison.Ordinal));
    }
}
