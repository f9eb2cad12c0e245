using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Web.Tests.Indicators;
using Waymark.Web.Tests.Plans;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// The pages of running a quarter in real Chromium with axe and at 320 px, one sign-in per role: the owner's return with
/// a milestone, the milestone's progress form (with an error) and the quarter's progress for actions and milestones, and
/// their notices; the performance officer's returns to sign off, a return with its sign-off and return-an-item forms (with
/// an error), the milestone's page, the register of corrections, the lock exceptions (the new one with errors) and the
/// messages log; an administrator's message template with an error. The round and return made are removed afterwards.
/// </summary>
[Collection(BrowserTests.B)]
public class ReturnPagesAccessibilityTests(BrowserFixture fixture)
{
    private const string Org = "/south-cambridgeshire";

    [Fact]
    public async Task ReturnCorrectionMessageAndMilestonePages_WithErrors_HaveNoAccessibilityViolations()
    {
        var factory = fixture.Factory;
        var roundsBefore = await factory.InOrganisationAsync(db => db.MonitoringRounds.Select(r => r.Id).ToListAsync());
        var (userName, postId, _) = await factory.NewOwnerAsync();
        var (plan, milestone) = await factory.PlanWithMilestoneAsync(postId);
        var (round, returnId) = await factory.ReturnWithMilestoneAsync(postId, milestone, Period.Quarter(2011, 3, 4));
        try
        {
            await using (var owner = await fixture.SignedInPageAsync(userName))
            {
                var page = owner.Page;
                await page.GotoAsync($"{Org}/my-return/{round}");
                await Assertions.Expect(page.GetByTestId("item-entry")).ToContainTextAsync("Missing");
                await Accessibility.AssertAccessibleAsync(page);

                await page.GetByTestId("enter-item").ClickAsync();
                await page.GetByLabel("Missed or late").CheckAsync();
                await page.GetByTestId("save-milestone-progress").ClickAsync();
                await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter the month the milestone is now expected");
                await Accessibility.AssertAccessibleAsync(page);

                await page.GetByLabel("Month it is now expected").FillAsync("Jun 12");
                await page.GetByLabel("Commentary", new() { Exact = true }).FillAsync("The inspector's report is delayed");
                await page.GetByLabel("What is being done about it").FillAsync("Weekly calls with the Planning Inspectorate");
                await page.GetByTestId("save-milestone-progress").ClickAsync();
                await Assertions.Expect(page.GetByTestId("item-entry")).ToContainTextAsync("Missed or late");
                await page.GetByTestId("submit-return").ClickAsync();
                await Assertions.Expect(page.GetByTestId("read-only")).ToContainTextAsync("You submitted this return");
                await Accessibility.AssertAccessibleAsync(page);

                await page.GotoAsync($"{Org}/my-actions/progress?quarter={Period.Quarter(2011, 3, 4).Code}");
                await Assertions.Expect(page.GetByTestId("bulk-milestone-row")).ToContainTextAsync("Adopt the Core Strategy");
                await Accessibility.AssertAccessibleAsync(page);

                await page.GotoAsync($"{Org}/notices");
                await Accessibility.AssertAccessibleAsync(page);
                Assert.Empty(owner.Errors);
            }

            await using (var officer = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer)))
            {
                var page = officer.Page;
                await page.GotoAsync($"{Org}/returns");
                await Accessibility.AssertAccessibleAsync(page);

                await page.GotoAsync($"{Org}/returns/{returnId}");
                await Assertions.Expect(page.GetByTestId("sign-off-form")).ToBeVisibleAsync();
                await page.GetByTestId("return-item-details").Locator("summary").ClickAsync();
                await page.GetByTestId("return-item-form").GetByTestId("return-item").ClickAsync();
                await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
                await Accessibility.AssertAccessibleAsync(page);

                await page.GotoAsync($"{Org}/plans/{plan}/milestones/{milestone}");
                await Assertions.Expect(page.GetByTestId("latest")).ToContainTextAsync("Missed or late");
                await Accessibility.AssertAccessibleAsync(page);

                await page.GotoAsync($"{Org}/corrections");
                await Accessibility.AssertAccessibleAsync(page);
                await page.GotoAsync($"{Org}/corrections/exceptions");
                await Accessibility.AssertAccessibleAsync(page);
                await page.GotoAsync($"{Org}/corrections/exceptions/new");
                await page.GetByTestId("save-exception").ClickAsync();
                await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
                await Accessibility.AssertAccessibleAsync(page);

                await page.GotoAsync($"{Org}/messages");
                await Accessibility.AssertAccessibleAsync(page);
                Assert.Empty(officer.Errors);
            }

            await using var administrator = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.Administrator));
            var admin = administrator.Page;
            await admin.GotoAsync($"{Org}/admin/messages/templates/reminder");
            await admin.GetByLabel("Subject", new() { Exact = true }).FillAsync("");
            await admin.GetByTestId("save-template").ClickAsync();
            await Assertions.Expect(admin.GetByTestId("error-summary")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(admin);
            Assert.Empty(administrator.Errors);
        }
        finally
        {
            await factory.InOrganisationAsync(async db =>
            {
                db.RoundReturns.RemoveRange(await db.RoundReturns.Where(r => r.Id == returnId).ToListAsync());
                db.MonitoringRounds.RemoveRange(await db.MonitoringRounds.Where(r => r.Id == round && !roundsBefore.Contains(r.Id)).ToListAsync());
                return await db.SaveChangesAsync();
            });
        }
    }
}
