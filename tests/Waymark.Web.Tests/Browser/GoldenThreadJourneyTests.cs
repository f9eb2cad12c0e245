using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// Home → South Cambridgeshire → golden thread → Aim A → a service objective that contributes to
/// it → its links: by mouse, by keyboard alone, and with JavaScript off. Axe on every page visited.
/// </summary>
[Collection(BrowserTests.B)]
public partial class GoldenThreadJourneyTests(BrowserFixture fixture)
{
    private const string AimATitle = "We are committed to being a listening";

    [Fact]
    public async Task Journey_ByMouse_FromHomeToAServiceObjectiveAndBack()
    {
        await using var browser = await fixture.NewPageAsync();
        await JourneyAsync(browser.Page, checkAccessibility: true);
        Assert.Empty(browser.Errors);
    }

    /// <summary>The same journey with scripts off: the tree is native HTML, so nothing is lost.</summary>
    [Fact]
    public async Task Journey_WithoutJavaScript_WorksTheSame()
    {
        await using var browser = await fixture.NewPageAsync(javaScript: false);
        await JourneyAsync(browser.Page, checkAccessibility: false);
        Assert.Equal(0, await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Expand all" }).CountAsync());
    }

    private static async Task JourneyAsync(IPage page, bool checkAccessibility)
    {
        // axe runs as script in the page, so it can only check pages with JavaScript on.
        async Task Check()
        {
            if (checkAccessibility)
            {
                await Accessibility.AssertAccessibleAsync(page);
            }
        }

        await page.GotoAsync("/");
        await Check();
        await page.GetByRole(AriaRole.Link, new() { Name = "South Cambridgeshire District Council" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("organisation-name")).ToHaveTextAsync("South Cambridgeshire District Council");
        await Check();

        await page.GetByTestId("nav-framework").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Golden thread", Exact = true })).ToBeVisibleAsync();
        foreach (var aim in new[] { "A", "B", "C", "D", "E" })
        {
            await Assertions.Expect(page.GetByTestId("framework-tree").Locator(".wm-ref", new() { HasTextRegex = new Regex($"^{aim}$") }).First).ToBeVisibleAsync();
        }

        // Open Aim A's branch (native <details>: works with or without JavaScript) and see its approaches.
        var aimA = page.Locator("li.wm-tree__item", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = AimATitle }) }).First;
        await aimA.Locator("summary").First.ClickAsync();
        await Assertions.Expect(aimA.GetByRole(AriaRole.Link, new() { Name = "Listening to and engaging with our local community" })).ToBeVisibleAsync();
        await Check();

        await page.GetByRole(AriaRole.Link, new() { Name = AimATitle }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("objective-level")).ToHaveTextAsync("Aim A");
        await Check();

        var contributor = page.GetByTestId("contributed-to-by").GetByRole(AriaRole.Link, new() { Name = "To build strong and sustainable communities" }).First;
        await contributor.ClickAsync();
        await Assertions.Expect(page.GetByTestId("objective-level")).ToHaveTextAsync("Service objective");
        var links = page.GetByTestId("contributes-to");
        await Assertions.Expect(links).ToContainTextAsync(AimATitle);
        await Assertions.Expect(links).ToContainTextAsync("Listening to and engaging with our local community");
        await Check();

        await links.GetByRole(AriaRole.Link, new() { Name = "Listening to and engaging with our local community" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("objective-level")).ToHaveTextAsync("Approach A i");
        await Assertions.Expect(page.GetByTestId("parent-link")).ToContainTextAsync(AimATitle);
        await Assertions.Expect(page.GetByTestId("contributed-to-by")).ToContainTextAsync("To build strong and sustainable communities");
        await Check();

    }

    [Fact]
    public async Task Journey_ByKeyboardOnly_FromHomeToAServiceObjectiveAndBack()
    {
        await using var browser = await fixture.NewPageAsync();
        var page = browser.Page;
        await page.GotoAsync("/");

        // The first Tab reaches the skip link.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await FocusedTextAsync(page));

        await TabToAndPressAsync(page, "South Cambridgeshire District Council");
        await Assertions.Expect(page.GetByTestId("organisation-name")).ToHaveTextAsync("South Cambridgeshire District Council");

        await TabToAndPressAsync(page, "Golden thread");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Golden thread", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        // Open Aim A's branch from the keyboard and reach an approach inside it.
        await TabToAsync(page, "5 approaches", exact: false);
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "A iListening to and engaging with our local community");
        await page.Keyboard.PressAsync("Shift+Tab");

        await TabToAndPressAsync(page, "A" + AimATitle, exact: false, backwards: true);
        await Assertions.Expect(page.GetByTestId("objective-level")).ToHaveTextAsync("Aim A");
        await Accessibility.AssertAccessibleAsync(page);

        await TabToAndPressAsync(page, "To build strong and sustainable communities", exact: false);
        await Assertions.Expect(page.GetByTestId("objective-level")).ToHaveTextAsync("Service objective");
        await Assertions.Expect(page.GetByTestId("contributes-to")).ToContainTextAsync(AimATitle);

        await TabToAndPressAsync(page, "A" + AimATitle, exact: false);
        await Assertions.Expect(page.GetByTestId("objective-level")).ToHaveTextAsync("Aim A");

        Assert.Empty(browser.Errors);
    }

    private static async Task<string> FocusedTextAsync(IPage page) =>
        Whitespace().Replace(await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.textContent : ''") ?? "", " ").Trim();

    private static async Task TabToAsync(IPage page, string text, bool exact = true, bool backwards = false)
    {
        for (var i = 0; i < 300; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focused = await FocusedTextAsync(page);
            if (exact ? focused == text : focused.StartsWith(text, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"Tabbing through {page.Url} never reached \"{text}\".");
    }

    private static async Task TabToAndPressAsync(IPage page, string text, bool exact = true, bool backwards = false)
    {
        await TabToAsync(page, text, exact, backwards);
        var before = page.Url;
        await page.Keyboard.PressAsync("Enter");
        // Every link pressed with this leads to another page: wait (polling, not on a load event) until it is there.
        await Assertions.Expect(page).Not.ToHaveURLAsync(before);
        await Assertions.Expect(page.Locator("main")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
