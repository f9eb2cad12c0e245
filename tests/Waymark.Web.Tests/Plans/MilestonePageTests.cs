using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Web.Api;
using Waymark.Web.Tests.Indicators;
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
        var (plan, milestone) = await factory.PlanWithMilestoneAsync();
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
        var (plan, milestone) = await factory.PlanWithMilestoneAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));

        await client.GetPageAsync($"{Org}/plans/{plan}/milestones/{milestone}/progress", HttpStatusCode.Forbidden);
        var page = await client.GetPageAsync($"{Org}/plans/{plan}/milestones/{milestone}");

        Assert.Contains("None recorded", Html.TestId(page, "latest"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"record-progress\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_RecordsAQuarter_RefusesAnUnseenSecond_AndReadsItBack()
    {
        var (plan, milestone) = await factory.PlanWithMilestoneAsync();
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

    [Fact]
    public async Task MyReturn_ListsTheMilestoneAsMissing_LinksToItsProgressForm_WhichComesBackToTheReturn()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync();
        var (plan, milestone) = await factory.PlanWithMilestoneAsync(postId);
        var quarter = Period.Quarter(2011, 3, 4);
        var (round, _) = await factory.ReturnWithMilestoneAsync(postId, milestone, quarter);
        using var client = await factory.SignedInClientAsync(userName);

        var before = await client.GetPageAsync($"{Org}/my-return/{round}");
        var link = Html.Href(Html.InnerHtml(before, "return-items"), "Milestone: Adopt the Core Strategy");
        var form = await PageForm.ReadAsync(client, link, "milestone-progress-form");
        form["State"] = "on-track";
        using var saved = await form.PostAsync(client);
        var after = await client.GetPageAsync($"{Org}/my-return/{round}");

        Assert.Contains("Missing", Html.TestId(before, "item-entry"), StringComparison.Ordinal);
        Assert.StartsWith("1 item still missing", Html.TestId(before, "missing-summary"), StringComparison.Ordinal);
        Assert.StartsWith($"{Org}/plans/{plan}/milestones/{milestone}/progress?period={quarter.Code}&returnUrl=", link, StringComparison.Ordinal);
        Assert.Equal(quarter.Code, form["Period"]);
        Assert.Equal($"{Org}/my-return/{round}", saved.RedirectPath());
        Assert.Equal("On track", Html.TestId(after, "item-entry"));
        Assert.StartsWith("Everything is entered", Html.TestId(after, "missing-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkProgress_RecordsTheOwnersMilestoneWithTheirActions_AllOrNothing_WithErrorsBesideTheRow()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync();
        var (_, milestone) = await factory.PlanWithMilestoneAsync(postId);
        var (_, action) = await new ActionBuilder { Title = "Action beside a milestone", LeadPostId = postId }.SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(userName);
        const string url = $"{Org}/my-actions/progress";
        Task<int> CountAsync() => factory.InOrganisationAsync(async db =>
            await db.ActionUpdates.CountAsync(u => u.ActionId == action) + await db.MilestoneProgress.CountAsync(p => p.MilestoneId == milestone));

        var page = await client.GetPageAsync(url);
        var form = PageForm.Parse(page, "bulk-progress-form", url);
        form[$"rag-{action}"] = "Green";
        form[$"commentary-{action}"] = "On track";
        form[$"milestone-state-{milestone}"] = "missed";
        using var refused = await form.PostAsync(client);
        var again = await refused.Content.ReadAsStringAsync();
        var savedBefore = await CountAsync();
        form[$"milestone-revised-{milestone}"] = "Jun 12";
        form[$"milestone-commentary-{milestone}"] = "Inspector's report delayed";
        form[$"milestone-remedial-{milestone}"] = "Weekly calls with the Planning Inspectorate";
        using var saved = await form.PostAsync(client);
        var report = await factory.InOrganisationAsync(db => db.MilestoneProgress.SingleAsync(p => p.MilestoneId == milestone));

        Assert.Contains("Adopt the Core Strategy", Html.TestId(page, "bulk-milestone-row"), StringComparison.Ordinal);
        Assert.Contains("Enter the month the milestone is now expected", Html.InnerHtml(again, "error-summary"), StringComparison.Ordinal);
        Assert.Contains($"href=\"#milestone-revised-{milestone}\"", again, StringComparison.Ordinal);
        Assert.Contains($"id=\"milestone-commentary-{milestone}-error\"", again, StringComparison.Ordinal);
        Assert.Equal(0, savedBefore);
        Assert.Equal($"{Org}/my-actions", saved.RedirectPath());
        Assert.Equal((MilestoneState.MissedOrLate, CurrentQuarter, "Inspector's report delayed"), (report.State, report.Period, report.Commentary));
        Assert.Equal(2, await CountAsync());
    }
}
