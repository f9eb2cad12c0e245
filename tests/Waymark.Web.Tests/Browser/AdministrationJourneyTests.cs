using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// An administrator adds a user through the admin pages, by mouse with JavaScript on, and looks at
/// their own account pages. Axe on every page visited, error page included.
/// </summary>
[Collection(BrowserTests.C)]
public class AdministrationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Administrator_AddsAUser_EveryPageAccessible()
    {
        await using var browser = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.Administrator));
        var page = browser.Page;
        var userName = $"browser-{Guid.NewGuid():N}@example.test";

        await page.GotoAsync("/south-cambridgeshire");
        await page.GetByTestId("nav-admin").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-list")).ToContainTextAsync(WaymarkFactory.Demo(Role.LeadOfficer));
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByTestId("add-user").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a user" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        // Nothing entered: the error summary, and a message by each question.
        await page.GetByTestId("add-user-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter a username");
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByLabel("Username").FillAsync(userName);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Sam Browser");
        await page.GetByLabel("Lead officer").CheckAsync();
        await page.GetByLabel("Works in").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Someone new").CheckAsync();
        await page.GetByTestId("add-user-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-added")).ToContainTextAsync("User added");
        await Assertions.Expect(page.GetByTestId("one-time-password")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[a-z2-9-]{24}$"));
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByTestId("new-user-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Sam Browser");
        await Accessibility.AssertAccessibleAsync(page);

        foreach (var path in new[] { "/south-cambridgeshire/admin/organisation", "/south-cambridgeshire/admin/levels", "/south-cambridgeshire/admin/rounds", "/account", "/account/change-password", "/account/two-factor" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(page);
        }

        // The round settings page with its errors: a closure day with no date and no name.
        await page.GotoAsync("/south-cambridgeshire/admin/rounds");
        await page.GetByTestId("add-change").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter the date");
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter a name for the closure day");
        await Accessibility.AssertAccessibleAsync(page);

        Assert.Empty(browser.Errors);
    }
}
