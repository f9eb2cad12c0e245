using System.Net;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Rounds;

/// <summary>
/// The rounds pages as each role finds them, without opening a round: South Cambridgeshire runs as at 16 January 2012, so
/// the form offers Q3 2011/12 with its deadlines counted in working days past the New Year substitute day.
/// </summary>
[Collection(ReadOnlyApp.Name)]
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public class RoundPageTests(WaymarkFactory factory)
{
    private const string Org = "/south-cambridgeshire";

    [Fact]
    public async Task OpenForm_OffersTheQuarterJustEnded_WithWorkingDayDeadlines()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        var html = await client.GetPageAsync($"{Org}/rounds/open");
        var form = PageForm.Parse(html, "open-form", $"{Org}/rounds/open");

        Assert.Equal("Q3 2011/12", Html.TestId(html, "chosen-period"));
        Assert.Equal("Q2011-10", form["period"]);
        Assert.Equal(("16", "1", "2012"), (form["returnsDeadline-day"], form["returnsDeadline-month"], form["returnsDeadline-year"]));
        Assert.Equal(("23", "1", "2012"), (form["signOffDeadline-day"], form["signOffDeadline-month"], form["signOffDeadline-year"]));
        Assert.Contains("Monday 16 January 2012", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenForm_ForAnotherPeriod_PrefillsThatPeriodsDeadlines()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));

        var html = await client.GetPageAsync($"{Org}/rounds/open?period=M2011-11");
        var form = PageForm.Parse(html, "open-form", $"{Org}/rounds/open");

        Assert.Equal("Nov 2011", Html.TestId(html, "chosen-period"));
        Assert.Equal(("14", "12", "2011"), (form["returnsDeadline-day"], form["returnsDeadline-month"], form["returnsDeadline-year"]));
    }

    [Fact]
    public async Task RoundsList_IsForThoseWhoWatchRounds_AndOnlyTheCentralTeamMayOpenOne()
    {
        using var manager = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.ServiceManager));
        using var lead = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));
        using var officer = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        var managerView = await manager.GetPageAsync($"{Org}/rounds");
        var officerView = await officer.GetPageAsync($"{Org}/rounds");
        await lead.GetPageAsync($"{Org}/rounds", HttpStatusCode.Forbidden);
        await manager.GetPageAsync($"{Org}/rounds/open", HttpStatusCode.Forbidden);

        Assert.DoesNotContain("data-testid=\"open-round\"", managerView, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"open-round\"", officerView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARoundThatDoesNotExist_IsNotFound()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        await client.GetPageAsync($"{Org}/rounds/999999", HttpStatusCode.NotFound);
    }
}
