using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// A performance officer changes an entry (meeting a validation error on the way) and links it to
/// what it contributes to. Axe on every page visited. Uses an entry no other browser test reads.
/// </summary>
[Collection(BrowserTests.C)]
public class FrameworkEditorJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PerformanceOfficer_ChangesAnEntryAndAddsALink()
    {
        var id = await fixture.Factory.ObjectiveIdAsync("To increase the availability of private rooms");
        await using var browser = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var page = browser.Page;

        await page.GotoAsync($"/south-cambridgeshire/framework/{id}");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByTestId("action-change").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change supporting objective" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        // A mistake first: the error summary and the message by the field, then the fix.
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter a title");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Provide private interview rooms in the reception area");
        await page.GetByLabel("End year (optional)").FillAsync("2010/11");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("objective-title")).ToHaveTextAsync("Provide private interview rooms in the reception area");
        await Assertions.Expect(page.GetByTestId("objective-summary")).ToContainTextAsync("2009/10 to 2010/11");

        await page.GetByTestId("action-links").ClickAsync();
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByLabel("Find an entry by its reference or words in its title").FillAsync("Local Area Agreement");
        await page.GetByTestId("search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("search-result")).ToContainTextAsync("1 entry match");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByLabel("Contributes to").SelectOptionAsync(new SelectOptionValue { Label = "Cambridgeshire Local Area Agreement" });
        await page.GetByTestId("add-link-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("links")).ToContainTextAsync("Cambridgeshire Local Area Agreement");
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the entry" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("contributes-to")).ToContainTextAsync("Cambridgeshire Local Area Agreement");
        Assert.Empty(browser.Errors);
    }

    /// <summary>The other editing pages, as an administrator sees them (reading only: nothing is submitted).</summary>
    [Fact]
    public async Task EditingPages_AreAccessible()
    {
        var aim = await fixture.Factory.ObjectiveIdAsync("We are committed to being a listening");
        var unit = await fixture.Factory.UnitIdAsync("Partnerships");
        var post = await fixture.Factory.InOrganisationAsync(db => db.Posts.Where(p => p.Title == "Partnerships Manager").Select(p => p.Id).SingleAsync());
        await using var browser = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.Administrator));
        const string org = "/south-cambridgeshire";

        foreach (var url in new[]
                 {
                     $"{org}/framework/new?parent={aim}", $"{org}/framework/{aim}/delete", $"{org}/units/{unit}",
                     $"{org}/units/{unit}/edit", $"{org}/units/new", $"{org}/units/{unit}/delete", $"{org}/units/{unit}/posts",
                     $"{org}/units/{unit}/posts/{post}/edit", $"{org}/units/{unit}/posts/{post}/delete",
                     $"{org}/units/{unit}/portfolio-holders", $"{org}/people", $"{org}/people/new",
                 })
        {
            var response = await browser.Page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            await Accessibility.AssertAccessibleAsync(browser.Page);
        }

        Assert.Empty(browser.Errors);
    }
}
