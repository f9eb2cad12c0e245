using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// A performance officer opens Q4 2011/12 in real Chromium with axe on every page: with South Cambridgeshire as at
/// 2 April 2012 (Q4 has just ended), from the Monitoring section to the form, an error in a deadline, the round with its
/// deadlines across Easter, and the close page. The council's date and rounds are put back afterwards.
/// </summary>
[Collection(BrowserTests.C)]
public class RoundJourneyTests(BrowserFixture fixture)
{
    private const string Org = "/south-cambridgeshire";

    [Fact]
    public async Task PerformanceOfficer_OpensQ4WithDeadlines()
    {
        var demoDate = await fixture.Factory.InOrganisationAsync(db => db.Organisations.Where(o => o.Slug == "south-cambridgeshire").Select(o => o.AsAt).SingleAsync());
        await SetAsAtAsync(new DateOnly(2012, 4, 2));
        try
        {
            await using var officer = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
            var page = officer.Page;

            await page.GotoAsync(Org);
            await page.GetByTestId("nav-monitoring").ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Monitoring rounds");
            await Accessibility.AssertAccessibleAsync(page);

            await page.GetByTestId("open-round").ClickAsync();
            await Assertions.Expect(page.GetByTestId("chosen-period")).ToHaveTextAsync("Q4 2011/12");
            await Accessibility.AssertAccessibleAsync(page);

            // Good Friday and Easter Monday 2012 fall in the fortnight after the quarter ends.
            await Assertions.Expect(page.Locator("#returnsDeadline-day")).ToHaveValueAsync("17");
            await page.Locator("#returnsDeadline-day").FillAsync("");
            await page.GetByTestId("confirm-open").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("The returns deadline must include a day");
            await Accessibility.AssertAccessibleAsync(page);

            await page.Locator("#returnsDeadline-day").FillAsync("17");
            await page.GetByLabel("Grace days (optional)").FillAsync("2");
            await page.GetByTestId("confirm-open").ClickAsync();
            await Assertions.Expect(page.GetByTestId("notification")).ToContainTextAsync("The Q4 2011/12 monitoring round is open");
            await Assertions.Expect(page.GetByTestId("returns-deadline")).ToContainTextAsync("Tuesday 17 April 2012");
            await Assertions.Expect(page.GetByTestId("signoff-deadline")).ToHaveTextAsync("Tuesday 24 April 2012");
            await Accessibility.AssertAccessibleAsync(page);

            await page.GetByTestId("close-round").ClickAsync();
            await Assertions.Expect(page.GetByTestId("confirm-close")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(page);
        }
        finally
        {
            await fixture.Factory.InOrganisationAsync(async db =>
            {
                db.MonitoringRounds.RemoveRange(await db.MonitoringRounds.Where(r => r.Period == Waymark.Core.Periods.Period.Quarter(2011, 4, 4)).ToListAsync());
                return await db.SaveChangesAsync();
            });
            await SetAsAtAsync(demoDate);
        }
    }

    private Task<int> SetAsAtAsync(DateOnly? asAt) => fixture.Factory.InOrganisationAsync(async db =>
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == "south-cambridgeshire");
        organisation.AsAt = asAt;
        return await db.SaveChangesAsync();
    });
}
