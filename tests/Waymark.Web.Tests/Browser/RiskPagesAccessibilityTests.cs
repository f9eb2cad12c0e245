using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Risks;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// The risk register's pages in real Chromium with axe and the 320-pixel reflow check: the register, a risk with a
/// control, a further action and a review, the heat map, the risk form with its errors, and the matrix settings.
/// </summary>
[Collection(BrowserTests.A)]
public class RiskPagesAccessibilityTests(BrowserFixture fixture)
{
    private const string Org = "/south-cambridgeshire";

    [Fact]
    public async Task RiskPages_WithAndWithoutErrors_HaveNoAccessibilityViolations()
    {
        var riskId = await fixture.Factory.InOrganisationAsync(async db =>
        {
            var officer = new Actor(0, "Axe Officer", db.Scope.RequireId(), Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());
            var risk = (await new RiskEditor(db, TimeProvider.System).CreateAsync(officer, new RiskInput
            {
                Title = "Accessible risk", Cause = "Failure to plan", Event = "leading to delay", Consequence = "resulting in cost",
                Category = "Service", OwnerName = "Axe owner", InherentLikelihood = 4, InherentImpact = 4, CurrentLikelihood = 3, CurrentImpact = 3,
                TargetLikelihood = 1, TargetImpact = 3,
            })).Record!;
            await new RiskControlEditor(db).AddAsync(officer, risk.Id, new RiskControlInput { Description = "A control", Effectiveness = ControlEffectiveness.Limited });
            await new RiskActionEditor(db).AddAsync(officer, risk.Id, new RiskActionInput { Text = "An action", Due = "Mar 12", Rag = Waymark.Core.Plans.Rag.Green });
            await new RiskReviewEditor(db, TimeProvider.System).AddAsync(officer, risk.Id, null, new RiskReviewInput { Likelihood = 4, Impact = 3, Commentary = "Reviewed" });
            return risk.Id;
        });
        await using var administrator = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.Administrator));
        var page = administrator.Page;

        await page.GotoAsync(Org + "/plans");
        await page.GetByTestId("nav-risks").ClickAsync();
        await Assertions.Expect(page.GetByTestId("risk-register")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/risks/{riskId}");
        await Assertions.Expect(page.GetByTestId("risk-history")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/risks/heat-map");
        await Assertions.Expect(page.GetByTestId("heat-map-table")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/risks/new");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        await page.GotoAsync($"{Org}/admin/risk-matrix");
        await Assertions.Expect(page.GetByTestId("matrix-form")).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);
        Assert.Empty(administrator.Errors);
    }
}
