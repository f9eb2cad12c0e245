using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Indicators;
using Waymark.Web.Tests.Plans;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// A lead officer's action pages in real Chromium with axe: the action with its R/A/G key and updates, the progress
/// form refusing Green while the action is overdue (the message beside the field, a link to revise the due date),
/// the state page refusing a completion date in the future, My actions; and the action form a performance officer uses.
/// </summary>
[Collection(BrowserTests.B)]
public class ActionPagesAccessibilityTests(BrowserFixture fixture)
{
    private const string Org = ActionBuilder.Org;

    [Fact]
    public async Task ActionPages_WithTheGreenError_HaveNoAccessibilityViolations()
    {
        var (userName, postId, _) = await fixture.Factory.NewOwnerAsync();
        var (plan, overdue) = await new ActionBuilder { Title = "Overdue browser action", LeadPostId = postId, DueInMonths = -1, ResourcesAmount = 1200m }
            .Update(Rag.Amber, "Some progress", demonstration: true).Update(Rag.Red, "Stalled").SaveAsync(fixture.Factory);
        await new ActionBuilder { Title = "Browser action needing an update", LeadPostId = postId, DueInMonths = 9 }.SaveAsync(fixture.Factory);

        await using (var lead = await fixture.SignedInPageAsync(userName))
        {
            var page = lead.Page;
            await page.GotoAsync(Org);
            await page.GetByTestId("nav-my-actions").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("My actions");
            await Assertions.Expect(page.GetByTestId("actions-overdue")).ToContainTextAsync("Overdue browser action");
            await Accessibility.AssertAccessibleAsync(page);

            await page.GotoAsync($"{Org}/plans/{plan}/actions/{overdue}");
            await Assertions.Expect(page.GetByTestId("rag-key")).ToContainTextAsync("Green — The improvement action has been completed or on track to meet completion date.");
            await Accessibility.AssertAccessibleAsync(page);

            await page.GetByTestId("record-progress").ClickAsync();
            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByLabel("Green").CheckAsync();
            await page.GetByLabel("Commentary").FillAsync("All on track");
            await page.GetByTestId("save-progress").ClickAsync();
            await Assertions.Expect(page.GetByTestId("rag-error")).ToContainTextAsync("cannot be assessed Green");
            await Assertions.Expect(page.GetByTestId("revise-due-link")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(page);

            await page.GetByTestId("revise-due-link").ClickAsync();
            await page.GetByTestId("save-due").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(page);

            await page.GotoAsync($"{Org}/plans/{plan}/actions/{overdue}");
            await page.GetByTestId("change-state").ClickAsync();
            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByLabel("Completed", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Year").FillAsync((DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByTestId("save-state").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("The completion date cannot be in the future");
            await Accessibility.AssertAccessibleAsync(page);
            Assert.Empty(lead.Errors);
        }

        await using var officer = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        await officer.Page.GotoAsync($"{Org}/plans/{plan}/actions/{overdue}/edit");
        await Accessibility.AssertAccessibleAsync(officer.Page);
        await officer.Page.GetByLabel("Title", new() { Exact = true }).FillAsync("");
        await officer.Page.GetByTestId("save-action").ClickAsync();
        await Assertions.Expect(officer.Page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(officer.Page);
    }
}
