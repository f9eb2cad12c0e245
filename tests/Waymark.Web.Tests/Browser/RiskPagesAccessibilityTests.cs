using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Risks;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// The risk register's pages in real Chromium with axe and the 320-pixel reflow check: the register, a risk with a
/// control, a further action and a review, the heat map, the risk form with its errors, and the matrix settings; and the
/// issue's journey, by keyboard only, from a new risk to the strategic register and the plan's Word document.
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

    /// <summary>Seed 000's risk a), under the title the issue gives it; cause, event and consequence as the seed words them.</summary>
    private const string Title = "Failure to deliver the Community Safety Partnership plan";

    [Fact]
    public async Task Journey_ByKeyboardOnly_AManagersRiskReviewedHigherNextQuarter_IsAcceptedOntoTheStrategicRegister_AndInThePlansWordDocument()
    {
        var (unitId, planId, asAt) = await fixture.Factory.InOrganisationAsync(async db =>
        {
            var unit = await db.Memberships.Where(m => m.User!.UserName == WaymarkFactory.Demo(Role.ServiceManager) && m.UnitId != null).Select(m => m.UnitId!.Value).FirstAsync();
            var plan = await db.Plans.Where(p => p.Title == "Service Plan for Community and Customer Services 2009/10 to 2011/12").Select(p => p.Id).SingleAsync();
            return (unit, plan, db.Scope.Organisation!.AsAt);
        });
        try
        {
            await using var manager = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.ServiceManager));
            var page = manager.Page;
            await page.GotoAsync(Org + "/risks/heat-map");
            var before = (From: await CountAsync(page, 2, 3), To: await CountAsync(page, 3, 4));

            // The service manager adds the risk, with its scores (demonstration values: the seed gives none) and the plan it is in.
            await page.GotoAsync(Org + "/risks");
            await KeyboardOnly.PressAsync(page, page.GetByTestId("add-risk"));
            await Accessibility.AssertAccessibleAsync(page);
            await KeyboardOnly.TypeAsync(page, "#title", Title);
            await KeyboardOnly.TypeAsync(page, "#cause", "Failure to deliver community safety targets");
            await KeyboardOnly.TypeAsync(page, "#event", "poor assessment of CDRP");
            await KeyboardOnly.TypeAsync(page, "#consequence", "unfavourable review by Government Office");
            await KeyboardOnly.ChooseAsync(page, "#category", "Partnership");
            await KeyboardOnly.ChooseAsync(page, "#unitId", unitId.ToString(CultureInfo.InvariantCulture));
            await KeyboardOnly.TypeAsync(page, "#ownerName", "Community Safety Officer");
            await KeyboardOnly.ChooseAsync(page, "#inherentLikelihood", "3");
            await KeyboardOnly.ChooseAsync(page, "#inherentImpact", "4");
            await KeyboardOnly.ChooseAsync(page, "#currentLikelihood", "2");
            await KeyboardOnly.ChooseAsync(page, "#currentImpact", "3");
            await KeyboardOnly.ChooseAsync(page, "#targetLikelihood", "2");
            await KeyboardOnly.ChooseAsync(page, "#targetImpact", "2");
            await KeyboardOnly.ChooseAsync(page, "#linked-plan-0", planId.ToString(CultureInfo.InvariantCulture));
            await KeyboardOnly.PressAsync(page, page.GetByTestId("save"));
            await Assertions.Expect(page.GetByTestId("risk-title")).ToHaveTextAsync(Title);
            var riskPath = new Uri(page.Url).AbsolutePath;
            await Accessibility.AssertAccessibleAsync(page);

            // A control and a further action.
            await KeyboardOnly.PressAsync(page, page.GetByTestId("add-control"));
            await Accessibility.AssertAccessibleAsync(page);
            await KeyboardOnly.TypeAsync(page, "#description", "Monthly CDRP Anti-Social Behaviour Task Group");
            await KeyboardOnly.TypeAsync(page, "#ownerName", "Community Safety Officer");
            await KeyboardOnly.ChooseAsync(page, "#effectiveness", "Adequate");
            await KeyboardOnly.PressAsync(page, page.GetByTestId("save"));
            await Assertions.Expect(page.GetByTestId("risk-controls")).ToContainTextAsync("Monthly CDRP Anti-Social Behaviour Task Group");
            await KeyboardOnly.PressAsync(page, page.GetByTestId("add-further-action"));
            await Accessibility.AssertAccessibleAsync(page);
            await KeyboardOnly.TypeAsync(page, "#text", "Set up an Anti Social Behaviour Working Group to target resources");
            await KeyboardOnly.TypeAsync(page, "#action-lead-name", "Community Safety Officer");
            await KeyboardOnly.TypeAsync(page, "#due", "Mar 12");
            await KeyboardOnly.ChooseAsync(page, "#rag", "Amber");
            await KeyboardOnly.PressAsync(page, page.GetByTestId("save"));
            await Assertions.Expect(page.GetByTestId("risk-actions")).ToContainTextAsync("Set up an Anti Social Behaviour Working Group");

            // This quarter's review confirms the score; next quarter's finds it higher, above the escalation score (11 on 4×4).
            await ReviewAsync(page, "2", "3", "Assessed when added to the register");
            await fixture.Factory.InOrganisationAsync(async db =>
            {
                var organisation = await db.Organisations.SingleAsync(o => o.Id == db.Scope.Organisation!.Id);
                organisation.AsAt = new DateOnly(2012, 4, 16);
                return await db.SaveChangesAsync();
            });
            await page.GotoAsync(riskPath);
            await ReviewAsync(page, "3", "4", "Partnership funding withdrawn: targets at risk");
            await Assertions.Expect(page.GetByTestId("risk-escalations")).ToContainTextAsync("Proposed");

            // The performance officer accepts the proposal.
            await using var officer = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
            var central = officer.Page;
            await central.GotoAsync(Org + "/risks");
            await KeyboardOnly.PressAsync(central, central.GetByTestId("escalations-link"));
            await Assertions.Expect(central.GetByTestId("escalations-waiting")).ToContainTextAsync(Title);
            await Accessibility.AssertAccessibleAsync(central);
            await KeyboardOnly.PressAsync(central, central.GetByTestId("waiting-row").Filter(new() { HasText = Title }).GetByRole(AriaRole.Link, new() { NameRegex = new("^Decide") }));
            await Accessibility.AssertAccessibleAsync(central);
            // Saved with no decision: the form comes back, at the same address, with its error summary.
            await central.GetByTestId("save-decision").FocusAsync();
            await central.Keyboard.PressAsync("Enter");
            await Assertions.Expect(central.GetByTestId("error-summary")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(central);
            await KeyboardOnly.CheckAsync(central, "[data-testid=accept]");
            await KeyboardOnly.PressAsync(central, central.GetByTestId("save-decision"));
            await Assertions.Expect(central.GetByText("Strategic risk", new() { Exact = false }).First).ToBeVisibleAsync();
            await Assertions.Expect(central.GetByTestId("risk-escalations")).ToContainTextAsync("Accepted");

            // The heat map shows it moved: out of 2×3, into 3×4, moved up since last quarter; on the strategic register's map too.
            await central.GotoAsync(Org + "/risks/heat-map");
            await Accessibility.AssertAccessibleAsync(central);
            Assert.Equal((before.From, before.To + 1), (await CountAsync(central, 2, 3), await CountAsync(central, 3, 4)));
            await Assertions.Expect(central.GetByTestId("table-cell-3-4")).ToContainTextAsync("moved up");
            await central.GotoAsync(Org + "/risks/heat-map?register=strategic");
            Assert.True(await CountAsync(central, 3, 4) >= 1);

            // The plan's Word document has it in its risk section, on the strategic register at its new score.
            await central.GotoAsync($"{Org}/plans/{planId}");
            var download = await central.RunAndWaitForDownloadAsync(async () =>
            {
                await central.GetByTestId("document-link").FocusAsync();
                await central.Keyboard.PressAsync("Enter");
            });
            await using var stream = await download.CreateReadStreamAsync();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            using var document = WordprocessingDocument.Open(copy, false);
            var row = document.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().Single(r => r.InnerText.Contains(Title, StringComparison.Ordinal));
            Assert.Contains("Failure to deliver community safety targets leading to poor assessment of CDRP resulting in unfavourable review by Government Office", row.InnerText, StringComparison.Ordinal);
            Assert.Contains("Strategic register", row.InnerText, StringComparison.Ordinal);
            Assert.Contains("12 Very high (3×4)", row.InnerText, StringComparison.Ordinal);
            Assert.Contains("Monthly CDRP Anti-Social Behaviour Task Group", row.InnerText, StringComparison.Ordinal);
            Assert.Empty(manager.Errors);
            Assert.Empty(officer.Errors);
        }
        finally
        {
            await fixture.Factory.InOrganisationAsync(async db =>
            {
                var organisation = await db.Organisations.SingleAsync(o => o.Id == db.Scope.Organisation!.Id);
                organisation.AsAt = asAt;
                return await db.SaveChangesAsync();
            });
        }
    }

    private static async Task ReviewAsync(IPage page, string likelihood, string impact, string commentary)
    {
        await KeyboardOnly.PressAsync(page, page.GetByTestId("review-risk"));
        await Accessibility.AssertAccessibleAsync(page);
        await KeyboardOnly.ChooseAsync(page, "#likelihood", likelihood);
        await KeyboardOnly.ChooseAsync(page, "#impact", impact);
        await KeyboardOnly.TypeAsync(page, "#commentary", commentary);
        await KeyboardOnly.PressAsync(page, page.GetByTestId("save"));
        await Assertions.Expect(page.GetByTestId("risk-history")).ToContainTextAsync(commentary);
    }

    /// <summary>How many risks the heat map's table counts in a cell (likelihood × impact).</summary>
    private static async Task<int> CountAsync(IPage page, int likelihood, int impact)
    {
        var text = await page.GetByTestId($"table-cell-{likelihood}-{impact}").Locator("a").First.InnerTextAsync();
        return int.Parse(text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
    }
}
