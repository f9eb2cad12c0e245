using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Indicators;
using Waymark.Web.Tests.Plans;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// The plan pages in real Chromium with axe: the list, a plan with sections, an operational plan table and a
/// recommendation, its print page, and a section's form with an error.
/// </summary>
[Collection(BrowserTests.A)]
public class PlanPagesAccessibilityTests(BrowserFixture fixture)
{
    private const string Org = "/south-cambridgeshire";

    [Fact]
    public async Task PlanPages_WithAndWithoutErrors_HaveNoAccessibilityViolations()
    {
        var indicator = await new IndicatorBuilder { Code = "AX 1", Title = "Axe indicator" }
            .Target(IndicatorBuilder.Year(2011), 50).TextTarget(IndicatorBuilder.Year(2012), "Set baseline").SaveAsync(fixture.Factory);
        var id = await new PlanBuilder { Title = "Accessible service plan", Recommendation = "Publish the plan in plain English" }
            .Section("Achievements", "We **did** well:\n\n- one\n- two\n\n[Our site](https://example.org)")
            .Section("Workforce", null)
            .IndicatorMeasure("Know what residents think", indicator)
            .MilestoneMeasure("Publish the plan", "Agreement and publication of Corporate Plan", "May 11", null, "May 13")
            .SaveAsync(fixture.Factory);
        await using var officer = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var page = officer.Page;

        await page.GotoAsync(Org);
        await page.GetByTestId("nav-plans").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Plans");
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/plans/{id}");
        await Assertions.Expect(page.GetByTestId("operational-plan")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByTestId("print-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-print")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/plans/{id}");
        await page.GetByTestId("edit-section").First.ClickAsync();
        await page.GetByLabel("Heading", new() { Exact = true }).FillAsync("");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/plans/{id}/objectives");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GotoAsync($"{Org}/plans/new");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);
    }
}
