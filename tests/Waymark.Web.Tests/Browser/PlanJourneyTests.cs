using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// The plans journey of the issue: a service manager rolls South Cambridgeshire's 2011/12 service plan forward to
/// 2012/13, edits a section, adds an improvement action with a lead officer and a due month, and submits the plan; a
/// performance officer approves it; the lead officer records a Q1 Amber update, and, the action being overdue, is
/// refused Green until the due date is revised; then, on one page, the lead officer records Q4 2011/12 progress for the
/// 2011/12 plan's actions they lead, and the plan's Q4 column shows it. Axe on every page visited.
/// </summary>
[Collection(BrowserTests.C)]
public class PlanJourneyTests(BrowserFixture fixture)
{
    private const string Org = "/south-cambridgeshire";

    [Fact]
    public async Task RollForward_EditSubmitApprove_ThenProgressWithGreenRefusedUntilTheDateIsRevised()
    {
        var (planId, postId) = await fixture.Factory.InOrganisationAsync(async db =>
        {
            // The demo's own plan and post (loaded first): other tests in this collection may add look-alikes.
            var plan = await db.Plans.Where(p => p.StartYear == Period.FinancialYear(2011, 4) && p.PlanType!.Key == "service-plan")
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var post = await db.Posts.Where(p => p.Title == "Partnerships Manager").OrderBy(p => p.Id).FirstAsync();
            // The demo lead officer holds this post (DemoUsers); another journey may have given it away, so put it back.
            post.HolderId = await db.Users.Where(u => u.UserName == WaymarkFactory.Demo(Role.LeadOfficer))
                .SelectMany(u => db.Memberships.Where(m => m.UserId == u.Id).Select(m => m.PersonId)).SingleAsync();
            await db.SaveChangesAsync();
            return (plan, post.Id);
        });
        var title = "Journey action " + Guid.NewGuid().ToString("N")[..6];

        // The service manager rolls the plan forward, edits a section, adds an action and submits.
        int newPlanId;
        await using (var manager = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.ServiceManager)))
        {
            var page = manager.Page;
            await page.GotoAsync($"{Org}/plans/{planId}");
            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByTestId("roll-forward-link").ClickAsync();
            await Assertions.Expect(page.GetByTestId("new-years")).ToContainTextAsync("2012/13");
            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByTestId("confirm-roll-forward").ClickAsync();
            await Assertions.Expect(page.GetByTestId("plan-title")).ToContainTextAsync("2012/13");
            newPlanId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.NotEqual(planId, newPlanId);
            await Accessibility.AssertAccessibleAsync(page);

            await page.GetByTestId("edit-section").First.ClickAsync();
            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByLabel("Text", new() { Exact = true }).FillAsync("Rolled forward for 2012/13.\n\n- Neighbourhood panels continue\n- A new community engagement survey");
            await page.GetByTestId("save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("section-body").First).ToContainTextAsync("Rolled forward for 2012/13.");

            await page.GetByTestId("add-action").ClickAsync();
            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
            await page.GetByLabel("Lead post 1", new() { Exact = true }).SelectOptionAsync(postId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Due (optional)", new() { Exact = true }).FillAsync("Jun 12");
            await page.GetByTestId("save-action").ClickAsync();
            await Assertions.Expect(page.GetByText(title).First).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(page);

            await page.GotoAsync($"{Org}/plans/{newPlanId}");
            await page.GetByTestId("submit-link").ClickAsync();
            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByTestId("confirm-step").ClickAsync();
            await Assertions.Expect(page.GetByTestId("plan-title")).ToBeVisibleAsync();
            Assert.Empty(manager.Errors);
        }

        // A performance officer approves it.
        await using (var officer = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer)))
        {
            var page = officer.Page;
            await page.GotoAsync($"{Org}/plans/{newPlanId}");
            await page.GetByTestId("approve-link").ClickAsync();
            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByTestId("confirm-step").ClickAsync();
            await Assertions.Expect(page.GetByTestId("publish-link")).ToBeVisibleAsync(); // approved: the next step is publishing
            Assert.Empty(officer.Errors);
        }

        var actionId = await fixture.Factory.InOrganisationAsync(db => db.PlanActions.Where(a => a.PlanId == newPlanId && a.Title == title).Select(a => a.Id).SingleAsync());
        // Progress is recorded for a quarter of the plan's own years: the rolled-forward plan's first.
        var q1 = Period.QuartersOf(Period.FinancialYear(2012, 4), 4)[0];

        // The demo runs as at January 2012, before the rolled-forward plan's first quarter: for the lead officer's part the
        // council runs as at August 2012 (Q2 2012/13), when Q1 has begun and June's due month has passed.
        var demoDate = await fixture.Factory.InOrganisationAsync(db => db.Organisations.Where(o => o.Slug == "south-cambridgeshire").Select(o => o.AsAt).SingleAsync());
        await SetAsAtAsync(new DateOnly(2012, 8, 15));
        try
        {
            // The lead officer records a Q1 Amber update; Green is refused (the action is past June 2012) until the date is revised.
            await using (var lead = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.LeadOfficer)))
            {
                var page = lead.Page;
                await page.GotoAsync($"{Org}/plans/{newPlanId}/actions/{actionId}");
                await Assertions.Expect(page.GetByTestId("overdue")).ToBeVisibleAsync();
                await Accessibility.AssertAccessibleAsync(page);
                await page.GetByTestId("record-progress").ClickAsync();
                await page.GetByLabel("Quarter", new() { Exact = true }).SelectOptionAsync(q1.Code);
                await page.GetByLabel("Amber", new() { Exact = true }).CheckAsync();
                await page.GetByLabel("Commentary", new() { Exact = true }).FillAsync("Survey questions agreed; fieldwork later than planned.");
                await Accessibility.AssertAccessibleAsync(page);
                await page.GetByTestId("save-progress").ClickAsync();
                await Assertions.Expect(page.GetByTestId("update").First).ToContainTextAsync("Amber");

                await page.GetByTestId("record-progress").ClickAsync();
                await page.GetByLabel("Green", new() { Exact = true }).CheckAsync();
                await page.GetByLabel("Commentary", new() { Exact = true }).FillAsync("On track.");
                await page.GetByTestId("save-progress").ClickAsync();
                await Assertions.Expect(page.GetByTestId("rag-error")).ToBeVisibleAsync();
                await Accessibility.AssertAccessibleAsync(page);

                await page.GetByTestId("revise-due-link").ClickAsync();
                var revised = Period.Month(DateTime.UtcNow.Year + 1, 3);
                await page.GetByLabel("New due month", new() { Exact = true }).FillAsync(revised.Format(4));
                await page.GetByLabel("Why the due date is being revised", new() { Exact = true }).FillAsync("The survey moved to next year's programme.");
                await Accessibility.AssertAccessibleAsync(page);
                await page.GetByTestId("save-due").ClickAsync();
                await Assertions.Expect(page.GetByTestId("overdue")).ToHaveCountAsync(0);

                await page.GetByTestId("record-progress").ClickAsync();
                await page.GetByLabel("Green", new() { Exact = true }).CheckAsync();
                await page.GetByLabel("Commentary", new() { Exact = true }).FillAsync("On track for the revised date.");
                await page.GetByTestId("save-progress").ClickAsync();
                await Assertions.Expect(page.GetByTestId("update").First).ToContainTextAsync("Green");
                await Accessibility.AssertAccessibleAsync(page);

                // Q4 2011/12 for every 2011/12 action they lead, on one page.
                var q4 = Period.Quarter(2011, 4, 4);
                await page.GotoAsync($"{Org}/my-actions");
                await page.GetByTestId("bulk-progress-link").ClickAsync();
                await Accessibility.AssertAccessibleAsync(page);
                await page.GetByLabel("Quarter", new() { Exact = true }).SelectOptionAsync(q4.Code);
                await page.GetByTestId("show-quarter").ClickAsync();
                var rows = page.Locator($"[data-testid=bulk-row][data-plan='{planId}']");
                await Assertions.Expect(rows.First).ToBeVisibleAsync();
                var count = await rows.CountAsync();
                for (var i = 0; i < count; i++)
                {
                    await rows.Nth(i).GetByLabel("Amber", new() { Exact = true }).CheckAsync();
                    await rows.Nth(i).Locator("textarea[name^=commentary-]").FillAsync($"Q4 progress {i + 1}: year-end review under way.");
                }

                await Accessibility.AssertAccessibleAsync(page);
                // Rows of other plans already holding this quarter's progress (another journey in the same database may
                // have entered it) are saved again with the page: the notice counts every row that carries an entry.
                var entered = await page.Locator("[data-testid=bulk-row]").EvaluateAllAsync<int>(
                    "rows => rows.filter(r => r.querySelector('input[type=radio]:checked') || [...r.querySelectorAll('textarea[name^=commentary-]')].some(t => t.value.trim() !== '')).length");
                Assert.True(entered >= count, $"{entered} rows entered, {count} of them this plan's");
                await page.GetByTestId("save-bulk-progress").ClickAsync();
                await Assertions.Expect(page.GetByTestId("notification")).ToContainTextAsync($"on {entered} action");
                await Accessibility.AssertAccessibleAsync(page);
                await page.GotoAsync($"{Org}/plans/{planId}");
                await Assertions.Expect(page.GetByTestId("plan-actions").GetByText("Q4 progress 1: year-end review under way.")).ToBeVisibleAsync();
                await Accessibility.AssertAccessibleAsync(page);
                Assert.Empty(lead.Errors);
            }
        }
        finally
        {
            await SetAsAtAsync(demoDate);
        }
    }

    private Task<int> SetAsAtAsync(DateOnly? asAt) => fixture.Factory.InOrganisationAsync(async db =>
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == "south-cambridgeshire");
        organisation.AsAt = asAt;
        return await db.SaveChangesAsync();
    });
}
