using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Plans;

/// <summary>The plan page offers the workflow steps, roll forward and downloads to those who may use them.</summary>
[Collection(ReadOnlyApp.Name)]
public class PlanPageLinksTests(WaymarkFactory factory)
{
    private Task<int> ApprovedPlan2011Async() =>
        factory.InOrganisationAsync(db => db.Plans.Where(p => p.StartYear == Period.FinancialYear(2011, 4) && p.PlanType!.Key == "service-plan").Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task ApprovedPlan_ForAPerformanceOfficer_OffersPublishReturnAndRollForward()
    {
        var id = await ApprovedPlan2011Async();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        var links = Html.TestId(await client.GetPageAsync($"/south-cambridgeshire/plans/{id}"), "plan-links");

        Assert.Contains("Publish the plan", links, StringComparison.Ordinal);
        Assert.Contains("Return the plan to draft", links, StringComparison.Ordinal);
        Assert.Contains("Roll forward to next year", links, StringComparison.Ordinal);
        Assert.DoesNotContain("Approve the plan", links, StringComparison.Ordinal);
        Assert.DoesNotContain("Add an action", links, StringComparison.Ordinal); // not a draft
    }

    [Fact]
    public async Task ApprovedPlan_ForACouncillor_OffersTheDownloadsOnly()
    {
        var id = await ApprovedPlan2011Async();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        var links = Html.TestId(await client.GetPageAsync($"/south-cambridgeshire/plans/{id}"), "plan-links");

        Assert.Contains("Download as a Word document", links, StringComparison.Ordinal);
        Assert.DoesNotContain("Publish the plan", links, StringComparison.Ordinal);
        Assert.DoesNotContain("Roll forward", links, StringComparison.Ordinal);
    }
}
