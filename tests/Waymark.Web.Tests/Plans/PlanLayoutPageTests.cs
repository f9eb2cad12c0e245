using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Plans;

/// <summary>
/// The demo plans' pages read like the plans: steps under their own action, seed 001's Q1–Q4 progress with its key in
/// its own words, the 2007 plan's status-only progress, a contents list, headings that never skip a level, and the API's
/// actions in the same order.
/// </summary>
[Collection(ReadOnlyApp.Name)]
public class PlanLayoutPageTests(WaymarkFactory factory)
{
    private const string Org = "/south-cambridgeshire";

    private Task<int> PlanAsync(System.Linq.Expressions.Expression<Func<Plan, bool>> which) =>
        factory.InOrganisationAsync(db => db.Plans.Where(which).Select(p => p.Id).SingleAsync());

    private Task<int> ServicePlan2009Async() => PlanAsync(p => p.StartYear == Period.FinancialYear(2009, 4) && p.PlanType!.Key == "service-plan");

    private Task<int> ServicePlan2011Async() =>
        PlanAsync(p => p.StartYear == Period.FinancialYear(2011, 4) && p.EndYear == Period.FinancialYear(2011, 4) && p.PlanType!.Key == "service-plan");

    [Fact]
    public async Task PlanPage_ListsEachStepUnderItsOwnAction()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var page = await client.GetPageAsync($"{Org}/plans/{await ServicePlan2009Async()}");

        var table = Html.InnerHtml(page, "plan-actions");
        var cctv = table.IndexOf("Carry out a review by 2010 of the provision and effectiveness of existing CCTV", StringComparison.Ordinal);
        var consultant = table.IndexOf("Identify CCTV consultant to carry out the review", StringComparison.Ordinal);
        var report = table.IndexOf("Report findings to CDRP Board", StringComparison.Ordinal);
        Assert.True(cctv >= 0 && cctv < consultant && consultant < report, "The CCTV review's steps follow it.");
        var between = table[cctv..report];
        Assert.Equal(3, between.Split("data-testid=\"sub-action-row\"").Length - 1);
    }

    [Fact]
    public async Task ActionsApi_ListsEachStepAfterItsOwnAction()
    {
        var id = await ServicePlan2009Async();
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var stored = await factory.InOrganisationAsync(db => db.PlanActions.Where(a => a.PlanId == id).Select(a => new { a.Id, a.ParentId }).ToListAsync());

        var json = await client.GetStringAsync(new Uri($"/api/v1/organisations/south-cambridgeshire/plans/{id}/actions", UriKind.Relative));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var listed = document.RootElement.EnumerateArray().Select(a => (Id: a.GetProperty("id").GetInt32(), Parent: a.GetProperty("parentId").ValueKind == System.Text.Json.JsonValueKind.Null ? (int?)null : a.GetProperty("parentId").GetInt32())).ToList();

        Assert.Equal(stored.Count, listed.Count);
        Assert.Contains(listed, a => a.Parent is not null);
        for (var i = 0; i < listed.Count; i++)
        {
            if (listed[i].Parent is { } parent)
            {
                // A step follows its action or a sibling step of the same action.
                Assert.True(listed[i - 1].Id == parent || listed[i - 1].Parent == parent, $"Action {listed[i].Id} is not under its action {parent}.");
            }
        }
    }

    [Fact]
    public async Task ServicePlan2011_ShowsQ1ToQ4ProgressAndTheKeyInTheSeedsWords_OnThePageAndItsPrint()
    {
        var id = await ServicePlan2011Async();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        foreach (var url in new[] { $"{Org}/plans/{id}", $"{Org}/plans/{id}/print" })
        {
            var page = await client.GetPageAsync(url);
            Assert.Equal("Key for Improvement Plan", Html.TestId(page, "rag-key-title"));
            Assert.Contains("Little or no progress has been made to date. Target date likely to be missed. Intervention needed", Html.TestId(page, "rag-key-red"), StringComparison.Ordinal);
            var improvement = Html.InnerHtml(page, "plan-actions");
            Assert.Contains("Q1 2011/12", improvement, StringComparison.Ordinal);
            Assert.Contains("Q4 2011/12", improvement, StringComparison.Ordinal);
            Assert.Contains("class=\"app-table-scroll\" role=\"region\"", page, StringComparison.Ordinal);
            Assert.Contains("induction presentation written and delivered", Html.Text(improvement), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ImprovementPlan2007_ShowsStatusOnlyProgress_AndHowItReachedItsState()
    {
        var id = await PlanAsync(p => p.StartYear == Period.FinancialYear(2007, 4));
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        var page = await client.GetPageAsync($"{Org}/plans/{id}");

        Assert.DoesNotContain("data-testid=\"rag-key\"", page, StringComparison.Ordinal);
        var actions = Html.InnerHtml(page, "plan-actions");
        Assert.Contains("On going", Html.Text(actions), StringComparison.Ordinal);
        Assert.Contains("Not commenced", Html.Text(actions), StringComparison.Ordinal);
        Assert.Contains("Adopted by Full Council 26 April 2007", Html.Text(actions), StringComparison.Ordinal);
        Assert.Equal("This plan was loaded as approved: it did not go through the workflow here, so there are no steps to show.", Html.TestId(page, "no-history"));
    }

    [Fact]
    public async Task PlanPage_HasAContentsList_AndItsHeadingsNeverSkipALevel()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var page = await client.GetPageAsync($"{Org}/plans/{await ServicePlan2009Async()}");

        var contents = Html.InnerHtml(page, "plan-contents");
        Assert.Contains("href=\"#actions\"", contents, StringComparison.Ordinal);
        Assert.Contains("href=\"#history\"", contents, StringComparison.Ordinal);
        var levels = System.Text.RegularExpressions.Regex.Matches(page, "<h([1-6])[ >]").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"An h{levels[i]} follows an h{levels[i - 1]}.");
        }

        Assert.DoesNotContain("<span class=\"wm-ref\"></span>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanList_OffersTheYearsPlansExistFor()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var page = await client.GetPageAsync($"{Org}/plans");

        Assert.Contains(">2007/08<", page, StringComparison.Ordinal);
        Assert.Contains(">2011/12<", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">2029/30<", page, StringComparison.Ordinal);
    }
}
