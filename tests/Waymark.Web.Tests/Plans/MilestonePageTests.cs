using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Framework;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Web.Api;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Plans.ActionBuilder;

namespace Waymark.Web.Tests.Plans;

/// <summary>
/// A milestone's page, its progress form and the milestones API, on South Cambridgeshire (as at 16 January 2012: Q4
/// 2011/12), whose commentary rules ask for commentary on Amber and Red and what is being done about Red.
/// </summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public class MilestonePageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    [Fact]
    public async Task RecordProgress_Missed_NeedsTheMonthCommentaryAndWhatIsBeingDone_ThenShowsInThePlan()
    {
        var (plan, milestone) = await PlanWithMilestoneAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var form = await PageForm.ReadAsync(client, $"{Org}/plans/{plan}/milestones/{milestone}/progress", "milestone-progress-form");
        Assert.Equal(CurrentQuarter.Code, form["Period"]);

        form["State"] = "missed";
        using (var refused = await form.PostAsync(client))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var summary = Html.InnerHtml(html, "error-summary");
            Assert.Contains("Enter the month the milestone is now expected", summary, StringComparison.Ordinal);
            Assert.Contains("Enter commentary: this milestone is Red", summary, StringComparison.Ordinal);
            Assert.Contains("Enter what is being done about it: this milestone is Red", summary, StringComparison.Ordinal);
            Assert.Contains("href=\"#remedial\"", summary, StringComparison.Ordinal);
        }

        form["RevisedMonth"] = "Jun 12";
        form["Commentary"] = "Inspector's report delayed";
        form["Remedial"] = "Weekly calls with the Planning Inspectorate";
        using (var saved = await form.PostAsync(client))
        {
            Assert.Equal($"{Org}/plans/{plan}/milestones/{milestone}", saved.RedirectPath());
        }

        var page = await client.GetPageAsync($"{Org}/plans/{plan}/milestones/{milestone}");
        Assert.Contains("Missed or late: now expected by Jun 2012", Html.TestId(page, "latest"), StringComparison.Ordinal);
        Assert.Contains("Weekly calls with the Planning Inspectorate", Html.TestId(page, "report-remedial"), StringComparison.Ordinal);
        var planPage = await client.GetPageAsync($"{Org}/plans/{plan}");
        Assert.Contains("Missed or late", Html.TestId(planPage, "milestone-progress"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressForm_ForSomeoneWhoDoesNotOwnTheMilestone_IsForbidden_ButItsPageIsReadable()
    {
        var (plan, milestone) = await PlanWithMilestoneAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));

        await client.GetPageAsync($"{Org}/plans/{plan}/milestones/{milestone}/progress", HttpStatusCode.Forbidden);
        var page = await client.GetPageAsync($"{Org}/plans/{plan}/milestones/{milestone}");

        Assert.Contains("None recorded", Html.TestId(page, "latest"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"record-progress\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_RecordsAQuarter_RefusesAnUnseenSecond_AndReadsItBack()
    {
        var (plan, milestone) = await PlanWithMilestoneAsync();
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var url = $"/api/v1/organisations{Org}/plans/{plan}/milestones/{milestone}";

        using var invalid = await client.PutAsJsonAsync($"{url}/progress/{CurrentQuarter.Code}", new { state = "achieved" });
        using var created = await client.PutAsJsonAsync($"{url}/progress/{CurrentQuarter.Code}", new { state = "achieved", achievedOn = "2012-01-10" });
        using var unseen = await client.PutAsJsonAsync($"{url}/progress/{CurrentQuarter.Code}", new { state = "at-risk", commentary = "Slipping" });
        var read = await client.GetFromJsonAsync<MilestoneProgressDto>(url);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("achievedOn", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unseen.StatusCode);
        Assert.Equal(("achieved", "Green", "Achieved on 10 January 2012"), (read!.Latest!.State, read.Latest.Rag, read.Latest.Summary));
    }

    /// <summary>A draft plan of this year measuring one milestone with a target, owned by nobody.</summary>
    private Task<(int Plan, int Milestone)> PlanWithMilestoneAsync() =>
        factory.InOrganisationAsync(async db =>
        {
            var organisationId = await db.Organisations.Where(o => o.Slug == TestData.Scdc).Select(o => o.Id).SingleAsync();
            var type = await db.PlanTypes.OrderBy(t => t.SortOrder).FirstAsync();
            var level = await db.FrameworkLevels.OrderBy(l => l.SortOrder).FirstAsync();
            var year = Period.FinancialYearContaining(TestData.DemoToday, 4);
            var plan = new Plan { OrganisationId = organisationId, PlanType = type, Title = "Milestone test plan", StartYear = year, EndYear = year };
            var planObjective = new PlanObjective
            {
                OrganisationId = organisationId, Plan = plan, Role = PlanObjectiveRole.SupportingObjective,
                Objective = new Objective { OrganisationId = organisationId, LevelId = level.Id, Title = "Plan for the district's growth" },
            };
            var milestone = new Milestone { OrganisationId = organisationId, Title = "Adopt the Core Strategy" };
            milestone.Targets.Add(new MilestoneTarget { OrganisationId = organisationId, Year = year, Text = "Jan 12" });
            planObjective.Measures.Add(new PlanMeasure { OrganisationId = organisationId, Milestone = milestone });
            db.AddRange(plan, planObjective);
            await db.SaveChangesAsync();
            return (plan.Id, milestone.Id);
        });
}
