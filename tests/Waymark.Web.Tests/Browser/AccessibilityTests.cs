using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Waymark.Web.Api;
using Waymark.Web.Tests.Pages;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

[Collection(BrowserTests.A)]
public class AccessibilityTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Axe_OnAPageWithAnUnlabelledInput_ReportsIt()
    {
        await using var browser = await fixture.NewPageAsync();
        await browser.Page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Control</title></head><body><main><h1>Control</h1><input type=\"text\"></main></body></html>");

        var result = await Accessibility.CheckAsync(browser.Page);

        Assert.Contains(result.Violations, v => v.Id == "label");
    }

    [Fact]
    public async Task SixDemoRoles_SignInOneAfterAnother_InOneBrowser_AndNoneIsTurnedAway()
    {
        // A trainer showing every role in turn from one desk: one address, six successful sign-ins in a minute.
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        Waymark.Core.Accounts.Role[] roles =
        [
            Waymark.Core.Accounts.Role.Administrator, Waymark.Core.Accounts.Role.PerformanceOfficer, Waymark.Core.Accounts.Role.ServiceManager,
            Waymark.Core.Accounts.Role.LeadOfficer, Waymark.Core.Accounts.Role.Auditor, Waymark.Core.Accounts.Role.Councillor,
        ];

        foreach (var role in roles)
        {
            var userName = WaymarkFactory.Demo(role);
            await fixture.Factory.SetKnownPasswordAsync(userName);
            await BrowserFixture.SignInAsync(page, userName, WaymarkFactory.KnownPassword); // Fails on anything but a redirect: a 429 too.

            await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(page); // Each role's landing page, at full width and at 320 px.
            await page.GetByTestId("sign-out").ClickAsync();
            await Assertions.Expect(page.GetByTestId("sign-out")).ToHaveCountAsync(0);
        }

        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task ReflowCheck_ReportsWhatMakesThePageScrollSideways_ButNotWhatItsScrollingRegionHolds()
    {
        await using var browser = await fixture.NewPageAsync();
        const string Wide = "<table><caption id=\"c\">Wide</caption><tr><td style=\"min-width:900px\">wide</td></tr></table>";
        await browser.Page.SetContentAsync($"<!DOCTYPE html><html lang=\"en\"><body><main><p data-testid=\"long\" style=\"width:500px\">long</p>{Wide}</main></body></html>");

        var overflow = await Accessibility.OverflowAtReflowWidthAsync(browser.Page);

        Assert.Contains(overflow, o => o.Contains("data-testid=long", StringComparison.Ordinal));
        Assert.Contains(overflow, o => o.StartsWith("td", StringComparison.Ordinal));
        // Visually hidden words in a wide table are positioned: the region must be their containing block to hold them.
        const string Hidden = "<table><caption id=\"c\">Wide</caption><tr><td style=\"min-width:900px\">wide</td><td><span data-testid=\"hidden\" style=\"position:absolute;width:1px;overflow:hidden\">Change</span></td></tr></table>";
        await browser.Page.SetContentAsync($"<!DOCTYPE html><html lang=\"en\"><body><main><div style=\"overflow-x:auto;position:relative\" role=\"region\" aria-labelledby=\"c\" tabindex=\"0\">{Hidden}</div></main></body></html>");
        Assert.Empty(await Accessibility.OverflowAtReflowWidthAsync(browser.Page));
        await browser.Page.SetContentAsync($"<!DOCTYPE html><html lang=\"en\"><body><main><div style=\"overflow-x:auto\" role=\"region\" aria-labelledby=\"c\" tabindex=\"0\">{Hidden}</div></main></body></html>");
        Assert.Contains(await Accessibility.OverflowAtReflowWidthAsync(browser.Page), o => o.Contains("data-testid=hidden", StringComparison.Ordinal));
        Assert.Equal(1280, browser.Page.ViewportSize!.Width);
    }

    [Fact]
    public async Task Axe_RunInThePage_JudgesTheSameRulesAsTheFramedRun()
    {
        await using var browser = await fixture.NewPageAsync();
        await browser.Page.GotoAsync("/sign-in");
        await browser.Page.GetByLabel("Password").FillAsync("x");

        var inPage = await Accessibility.CheckAsync(browser.Page);
        var framed = await Accessibility.CheckFramedAsync(browser.Page);

        static string Rules(AxeResultItem[] items) => string.Join(" ", items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.NotEmpty(inPage.Passes);
        Assert.Equal(Rules(framed.Passes), Rules(inPage.Passes));
        Assert.Equal(Rules(framed.Violations), Rules(inPage.Violations));
        Assert.Equal(Rules(framed.Incomplete), Rules(inPage.Incomplete));
        Assert.Equal(Rules(framed.Inapplicable), Rules(inPage.Inapplicable));
    }

    public static TheoryData<string> Pages() =>
    [
        "/",
        "/accessibility",
        "/south-cambridgeshire",
        "/south-cambridgeshire/framework",
        "/south-cambridgeshire/framework?year=2011%2F12",
        "/south-cambridgeshire/framework?year=nonsense",
        "/sign-in",
        "/stockton-on-tees",
        "/stockton-on-tees/framework",
        "/no-such-page",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_FullyExpanded_HasNoAccessibilityViolationsOrScriptErrors(string url)
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;

        await page.GotoAsync(url);
        var expand = page.GetByRole(AriaRole.Button, new() { Name = "Expand all" });
        if (await expand.CountAsync() > 0)
        {
            await expand.ClickAsync();
            Assert.Equal(0, await page.Locator("details:not([open])").CountAsync());
        }

        await Accessibility.AssertAccessibleAsync(page);
        Assert.DoesNotContain(browser.Errors, e => !e.Contains("404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IndicatorValuePages_WithAndWithoutErrors_HaveNoAccessibilityViolations()
    {
        // Q2 2011/12: the latest quarter the demo has a value for (Q3's values are due on the date it runs as at).
        var q2 = Waymark.Core.Periods.Period.QuartersOf(Waymark.Core.Periods.Period.FinancialYear(2011, 4), 4)[1];
        var ni4 = await fixture.Factory.InOrganisationAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Indicators.Where(i => i.Code == "NI 4").Select(i => i.Id)));
        await using (var officer = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Waymark.Core.Accounts.Role.PerformanceOfficer)))
        {
            var page = officer.Page;
            // A saved value: the change form, with the delete action in a details element (opened).
            await page.GotoAsync($"/south-cambridgeshire/indicators/{ni4}/values/{q2.Code}");
            await page.GetByText("Delete this value").ClickAsync();
            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByLabel("Not available for NI 4 for Q2 2011/12", new() { Exact = true }).CheckAsync();
            await page.GetByTestId("save-value").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(page);
            await page.GotoAsync("/south-cambridgeshire/indicators/verify");
            await Accessibility.AssertAccessibleAsync(page);
            Assert.Empty(officer.Errors);
        }

        await using (var administrator = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Waymark.Core.Accounts.Role.Administrator)))
        {
            var page = administrator.Page;
            await page.GotoAsync("/south-cambridgeshire/admin/organisation");
            await page.GetByLabel("When values fall due").FillAsync("a month");
            await page.GetByTestId("save-organisation").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(page);
            // My updates for someone who owns nothing.
            await page.GotoAsync("/south-cambridgeshire/my-updates");
            await Accessibility.AssertAccessibleAsync(page);
            Assert.Empty(administrator.Errors);
        }
    }

    [Fact]
    public async Task EveryNodeAndUnitPageOfADemoCouncil_HasNoAccessibilityViolations()
    {
        using var http = await fixture.Factory.TokenClientAsync(WaymarkFactory.Demo(Waymark.Core.Accounts.Role.Auditor));
        var tree = await http.GetFromJsonAsync<List<FrameworkNodeDto>>("/api/v1/organisations/south-cambridgeshire/framework", ApiJson.Options);
        var units = await http.GetFromJsonAsync<List<UnitDto>>("/api/v1/organisations/south-cambridgeshire/units", ApiJson.Options);
        // One node of each level, and every unit: each page type with every kind of content.
        var urls = PageTests.Flatten(tree!).GroupBy(n => n.Level).Select(g => $"/south-cambridgeshire/framework/{g.First().Id}")
            .Concat(units!.Select(u => $"/south-cambridgeshire/units/{u.Id}"))
            .ToList();
        await using var browser = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Waymark.Core.Accounts.Role.Councillor));

        foreach (var url in urls)
        {
            await browser.Page.GotoAsync(url);
            await Accessibility.AssertAccessibleAsync(browser.Page);
        }

        Assert.True(urls.Count > 10);
        Assert.Empty(browser.Errors);
    }
}
