using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Periods;
using Waymark.Core.Plans.Documents;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Plans.Documents;

/// <summary>
/// The risk section of a plan that links risks, built from the register: it replaces the narrative risk overview in the
/// Word document with a table of the open risks, their scores and bands, owners and controls.
/// </summary>
public class PlanRiskSectionTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private async Task<PlanDocument> ServicePlan2011Async()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;
        var id = await db.Plans
            .Where(p => p.StartYear == Period.FinancialYear(2011, 4) && p.EndYear == Period.FinancialYear(2011, 4) && p.PlanType!.Key == "service-plan")
            .Select(p => p.Id).SingleAsync();
        return (await new PlanDocumentBuilder(db, TimeProvider.System).BuildAsync(id))!;
    }

    [Fact]
    public async Task ServicePlan2011_RiskSectionHoldsItsFourRegisterRisks_MostSevereFirst_InsteadOfTheNarrative()
    {
        var plan = await ServicePlan2011Async();

        Assert.DoesNotContain(plan.Sections, s => s.Heading == "Risk Overview");
        var risks = plan.Risks!;
        Assert.Equal("Risk Overview", risks.Heading);
        Assert.Equal("4×4", risks.Matrix);
        Assert.Equal(["R18", "R20", "R17", "R19"], risks.Risks.Select(r => r.Reference));
        var corvu = risks.Risks[0];
        Assert.Equal("12 Very high (3×4)", corvu.Current.Text);
        Assert.Equal("12 Very high (3×4)", corvu.LastQuarter!.Text);
        Assert.True(corvu.AboveAppetite);
        Assert.Equal("Ian Salter", corvu.Owner);
        Assert.StartsWith("Delayed progress in the implementation of Corvu leading to possible delays", corvu.Description, StringComparison.Ordinal);
        Assert.True(risks.Demonstration);
    }

    [Fact]
    public async Task ServicePlan2011_WordDocument_HasTheRiskTable_WithScoresOwnersAndControls()
    {
        var plan = await ServicePlan2011Async();

        using var stream = new MemoryStream(PlanDocx.ToBytes(plan));
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;
        var table = body.Elements<Table>().Single(t => Cells(t.Elements<TableRow>().First()).Contains("Further actions"));
        var rows = table.Elements<TableRow>().Skip(1).Select(Cells).ToList();

        Assert.Equal(4, rows.Count);
        Assert.Equal("R18", rows[0][0]);
        Assert.Equal("Ian Salter", rows[0][2]);
        Assert.StartsWith("12 Very high (3×4)", rows[0][3], StringComparison.Ordinal);
        Assert.Contains("(limited)", rows[0][6], StringComparison.Ordinal);
        Assert.Contains("demonstration values", body.InnerText, StringComparison.Ordinal);
    }

    private static List<string> Cells(TableRow row) => row.Elements<TableCell>().Select(c => c.InnerText).ToList();
}
