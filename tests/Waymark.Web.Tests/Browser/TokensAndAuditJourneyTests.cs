using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// An auditor creates an API token (a wrong answer first), then reads the audit trail and one entry.
/// Axe on every page; no console errors (so nothing broke the Content-Security-Policy).
/// </summary>
[Collection(BrowserTests.A)]
public class TokensAndAuditJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Auditor_CreatesAToken_ThenReadsTheAuditTrail()
    {
        await using var browser = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.Auditor));
        var page = browser.Page;

        await page.GotoAsync("/account/tokens");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API tokens", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByTestId("create-token").ClickAsync();
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByTestId("create-token-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter a name for the token");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByLabel("Name").FillAsync("Browser journey token");
        await page.GetByLabel("Read only").CheckAsync();
        await page.GetByTestId("create-token-submit").ClickAsync();
        var secret = await page.GetByTestId("token-secret").TextContentAsync();
        Assert.Matches("^wm_[A-Za-z0-9_-]{43}$", secret);
        await Assertions.Expect(page.GetByText("It will not be shown again")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByTestId("back-to-tokens").ClickAsync();
        var row = page.GetByTestId("token-row").Filter(new() { HasText = "Browser journey token" });
        await Assertions.Expect(row.GetByTestId("token-access")).ToHaveTextAsync("Read only");
        await Assertions.Expect(row.GetByTestId("token-status")).ToHaveTextAsync("Active");
        Assert.DoesNotContain(secret!, await page.ContentAsync(), StringComparison.Ordinal);
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync("/south-cambridgeshire");
        await page.GetByTestId("nav-audit").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByLabel("What happened").SelectOptionAsync("Signed in");
        await page.GetByTestId("apply-filters").ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-action").First).ToHaveTextAsync("Signed in");
        await page.GetByTestId("audit-row").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("entry-action")).ToHaveTextAsync("Signed in");
        await Accessibility.AssertAccessibleAsync(page);

        Assert.Empty(browser.Errors);
    }
}
