using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// A performance officer adds, moves, renames and deletes a plan type and a template section through the admin pages,
/// by mouse with JavaScript on; axe on every page, errors and refusals included. What it adds it deletes again, so the
/// other journeys see the demo's own types and template.
/// </summary>
[Collection(BrowserTests.C)]
public class PlanTemplatesJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PerformanceOfficer_ChangesPlanTypesAndTheTemplate_EveryPageAccessible()
    {
        await using var browser = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var page = browser.Page;

        await page.GotoAsync("/south-cambridgeshire/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan types", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-type-service-plan")).ToContainTextAsync("Service plan");
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByTestId("add-plan-type").ClickAsync();
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter a name");
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser journey plan");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification")).ToContainTextAsync("has been added");
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByTestId("move-up-browser-journey-plan").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification")).ToContainTextAsync("has been moved up");
        await Assertions.Expect(page.GetByTestId("move-down-browser-journey-plan")).ToBeVisibleAsync();

        await page.GetByTestId("change-browser-journey-plan").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-type-key")).ToContainTextAsync("browser-journey-plan");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser journey plan, renamed");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-type-browser-journey-plan")).ToContainTextAsync("Browser journey plan, renamed");

        await page.GetByTestId("delete-service-plan").ClickAsync();
        await Assertions.Expect(page.GetByTestId("delete-refused")).ToContainTextAsync("plans are of this type");
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync("/south-cambridgeshire/admin/plan-types");
        await page.GetByTestId("delete-browser-journey-plan").ClickAsync();
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByTestId("confirm-delete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification")).ToContainTextAsync("has been deleted");

        await page.GotoAsync("/south-cambridgeshire/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan section template", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("template-note")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByTestId("add-section").ClickAsync();
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByLabel("Heading", new() { Exact = true }).FillAsync("Browser journey section");
        await page.GetByLabel("Guidance (optional)").FillAsync("What the journey checks.");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-section-browser-journey-section")).ToContainTextAsync("What the journey checks.");

        await page.GetByTestId("change-browser-journey-section").ClickAsync();
        await page.GetByLabel("Heading", new() { Exact = true }).FillAsync("");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter a heading");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GotoAsync("/south-cambridgeshire/admin/plan-sections");

        await page.GetByTestId("delete-browser-journey-section").ClickAsync();
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByTestId("confirm-delete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification")).ToContainTextAsync("has been deleted");
        await Assertions.Expect(page.GetByTestId("plan-section-browser-journey-section")).ToHaveCountAsync(0);

        Assert.Empty(browser.Errors);
    }
}
