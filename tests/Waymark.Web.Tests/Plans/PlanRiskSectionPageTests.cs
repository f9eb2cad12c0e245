using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Plans;

/// <summary>
/// A plan that links risks shows its risk section built from the register on its page and its print, in place of the
/// narrative risk overview: the open risks most severe first, scores with their bands in words, owners and controls.
/// </summary>
[Collection(ReadOnlyApp.Name)]
[Trait("Database", "Independent")]
public class PlanRiskSectionPageTests(WaymarkFactory factory)
{
    private Task<int> ServicePlan2011Async() => factory.InOrganisationAsync(db => db.Plans
        .Where(p => p.StartYear == Period.FinancialYear(2011, 4) && p.EndYear == Period.FinancialYear(2011, 4) && p.PlanType!.Key == "service-plan")
        .Select(p => p.Id).SingleAsync());

    [Theory]
    [InlineData("")]
    [InlineData("/print")]
    public async Task ServicePlan2011_ShowsItsRegisterRisks_InsteadOfTheNarrative(string part)
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        var page = await client.GetPageAsync($"/south-cambridgeshire/plans/{await ServicePlan2011Async()}{part}");

        var section = Html.Text(Html.InnerHtml(page, "plan-risks"));
        Assert.StartsWith("Risk Overview", section, StringComparison.Ordinal);
        Assert.Contains("4×4 matrix", section, StringComparison.Ordinal);
        Assert.Contains("demonstration values", section, StringComparison.Ordinal);
        var rows = page.Split("data-testid=\"plan-risk\"").Skip(1).Select(Html.Text).ToList();
        Assert.Equal(4, rows.Count);
        Assert.StartsWith("R18", rows[0].TrimStart('>', ' '), StringComparison.Ordinal);
        Assert.Contains("12 Very high (3×4) Above appetite", rows[0], StringComparison.Ordinal);
        Assert.Contains("Ian Salter", rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain("A full copy of the register is available", page, StringComparison.Ordinal);
    }
}
