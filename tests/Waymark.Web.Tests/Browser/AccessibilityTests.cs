using System.Net.Http.Json;
using Microsoft.Playwright;
using Waymark.Web.Api;
using Waymark.Web.Tests.Pages;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

[Collection(BrowserTests.Name)]
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
