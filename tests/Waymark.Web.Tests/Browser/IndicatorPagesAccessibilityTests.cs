using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// Every indicator page a performance officer uses, in real Chromium with axe: the library (filtered and sorted), an
/// indicator's page with its chart, the definition and target forms with and without errors, and the import pages
/// from upload to a preview and a file with bad rows.
/// </summary>
[Collection(BrowserTests.B)]
public class IndicatorPagesAccessibilityTests(BrowserFixture fixture)
{
    private const string Org = "/south-cambridgeshire";

    [Fact]
    public async Task IndicatorPages_WithAndWithoutErrors_HaveNoAccessibilityViolations()
    {
        var ni4 = await fixture.Factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Code == "NI 4").Select(i => i.Id).SingleAsync());
        await using var officer = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var page = officer.Page;

        await page.GotoAsync(Org);
        await page.GetByTestId("nav-indicators").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Indicators");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GotoAsync($"{Org}/indicators?q=community&sort=status");
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/indicators/{ni4}");
        await Assertions.Expect(page.Locator("svg[role=img]")).ToHaveCountAsync(1);
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/indicators/{ni4}/edit");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/indicators/{ni4}/targets/Y2011-04");
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/indicators/new");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/indicators/import");
        await Accessibility.AssertAccessibleAsync(page);
        await page.Locator("input[name=Kind][value=values]").CheckAsync();
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload
        {
            Name = "values.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Code,Period,Value\r\nNI 4,Q4 2011/12,abc\r\nNO SUCH,Q4 2011/12,1\r\n"),
        });
        await page.GetByTestId("upload").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);
        Assert.Empty(officer.Errors);
    }

    [Fact]
    public async Task HealthCardAndBreakdownPages_HaveNoAccessibilityViolations_AndShowEveryServicesSicknessStatusInWords()
    {
        const string stockton = "/stockton-on-tees";
        var sickness = await fixture.Factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Code == "ex-BVPI 12").Select(i => i.Id).SingleAsync(), "stockton-on-tees");
        var invoices = await fixture.Factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Code == "ex-BVPI 8").Select(i => i.Id).SingleAsync(), "stockton-on-tees");
        await using var officer = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer, "stockton-on-tees"));
        var page = officer.Page;

        await page.GotoAsync(stockton + "/indicators");
        await page.GetByTestId("nav-health-card").ClickAsync();
        await Assertions.Expect(page.GetByTestId("health-card-row")).ToHaveCountAsync(5);
        var statuses = await page.Locator($"[data-testid=health-card-cell][data-indicator='{sickness}'] [data-testid=cell-status]").AllInnerTextsAsync();
        Assert.Equal(5, statuses.Count);
        Assert.All(statuses, s => Assert.Contains(s.Trim(), new[] { "No target", "On target", "Slightly off target", "Off target" }));
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{stockton}/indicators/{invoices}?breakdownPeriod=Q2010-10");
        await Assertions.Expect(page.GetByTestId("breakdown-row")).ToHaveCountAsync(5);
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{stockton}/indicators/{invoices}/breakdown/Q2010-10");
        await page.GetByTestId("figure-value").First.FillAsync("lots");
        await page.GetByTestId("save-figures").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{stockton}/indicators/{invoices}/breakdown");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GotoAsync($"{stockton}/admin/places");
        await Accessibility.AssertAccessibleAsync(page);
        Assert.Empty(officer.Errors);
    }
}
