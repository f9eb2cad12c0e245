using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Periods;
using Waymark.Core.Plans.Documents;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Plans.Documents;

/// <summary>
/// The Word document of South Cambridgeshire's 2009/10–2011/12 service plan, built from the demo database as the app
/// builds it: the Partnerships operational plan holds NI 4's three targets, the CCTV council action its three steps and
/// £10,000, and LibreOffice converts it to PDF.
/// </summary>
public class DemoPlanDocumentTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private async Task<byte[]> ServicePlan2009Async() =>
        PlanDocx.ToBytes(await DocumentAsync(p => p.StartYear == Period.FinancialYear(2009, 4) && p.PlanType!.Key == "service-plan"));

    private async Task<PlanDocument> DocumentAsync(System.Linq.Expressions.Expression<Func<Core.Plans.Plan, bool>> which)
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;
        var id = await db.Plans.Where(which).Select(p => p.Id).SingleAsync();
        return (await new PlanDocumentBuilder(db, TimeProvider.System).BuildAsync(id))!;
    }

    private static async Task<(List<Table> Tables, string Text)> BodyAsync(PlanDocument plan)
    {
        using var stream = new MemoryStream(PlanDocx.ToBytes(plan));
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;
        await Task.CompletedTask;
        return (body.Elements<Table>().Select(t => (Table)t.CloneNode(true)).ToList(), string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText)));
    }

    [Fact]
    public async Task ServicePlan2011_PrintsQ1ToQ4Columns_AndTheKeyInTheSeedsOwnWords()
    {
        var plan = await DocumentAsync(p => p.StartYear == Period.FinancialYear(2011, 4) && p.EndYear == Period.FinancialYear(2011, 4) && p.PlanType!.Key == "service-plan");
        var (tables, text) = await BodyAsync(plan);

        Assert.Contains("Key for Improvement Plan", text, StringComparison.Ordinal);
        Assert.Contains("Implementation Status (to be updated quarterly)", text, StringComparison.Ordinal);
        Assert.Contains("Little or no progress has been made to date. Target date likely to be missed. Intervention needed", text, StringComparison.Ordinal);
        Assert.Contains("The improvement action has been completed or on track to meet completion date.", text, StringComparison.Ordinal);
        var table = tables.First(t => t.Elements<TableRow>().Any(r => Cells(r).Any(c => c.Contains("Promotion of Community", StringComparison.Ordinal))));
        var headings = Cells(table.Elements<TableRow>().First());
        Assert.Equal(["Q1 2011/12", "Q2 2011/12", "Q3 2011/12", "Q4 2011/12"], headings.Skip(3));
        var row = Cells(table.Elements<TableRow>().First(r => Cells(r).Any(c => c.Contains("Promotion of Community", StringComparison.Ordinal))));
        Assert.StartsWith("Green", row[3], StringComparison.Ordinal);
        Assert.Contains("induction presentation written", row[3], StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Amber", row[4], StringComparison.Ordinal);
        Assert.Contains("Production of CCS promotional", row[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImprovementPlan2007_KeepsItsGroupingsAndStatuses_AndSaysOnlyWhatThePlanSaid()
    {
        var plan = await DocumentAsync(p => p.StartYear == Period.FinancialYear(2007, 4));
        var (tables, text) = await BodyAsync(plan);

        Assert.Contains("Leadership: strong political leadership", text, StringComparison.Ordinal);
        Assert.Contains("Prioritisation: clear and effective decision making", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No progress reported yet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Key to R/A/G", text, StringComparison.Ordinal);
        var rows = tables.SelectMany(t => t.Elements<TableRow>()).Select(Cells).ToList();
        var contract = rows.Single(r => r.Any(c => c.Contains("Member contract", StringComparison.Ordinal)));
        Assert.Equal("Complete", contract[^1]);
        Assert.Contains("Adopted by Full Council 26 April 2007", contract[^2], StringComparison.Ordinal);
        Assert.Equal("Not commenced", rows.Single(r => r.Any(c => c.Contains("Investors in People", StringComparison.Ordinal)))[^1]);
        Assert.Equal(7, plan.ImprovementActions.Select(a => a.Objective).Distinct().Count());
    }

    [Fact]
    public async Task CgiResponse_PrintsProposalsWithTheirStepsAndDates_AndWhatTheySaidAsWritten()
    {
        var plan = await DocumentAsync(p => p.PlanType!.Key == "inspection-response-plan" && p.StartYear == Period.FinancialYear(2008, 4));
        var (tables, _) = await BodyAsync(plan);
        var rows = tables.SelectMany(t => t.Elements<TableRow>()).Select(Cells).ToList();

        var h = rows.Single(r => r.Any(c => c.StartsWith("Programme to improve performance management culture", StringComparison.Ordinal)));
        Assert.Contains("1. Launch of South Cambs performance management portal", h[1], StringComparison.Ordinal);
        Assert.Contains("5. Establish performance management information boards in services across the Council", h[1], StringComparison.Ordinal);
        Assert.Contains("4. June 09", h[3], StringComparison.Ordinal);
        var g = rows.Single(r => r.Any(c => c.StartsWith("Conduct Equality Impact Assessments", StringComparison.Ordinal)));
        Assert.Equal("From Apr 09", g[3]);
        Assert.Contains(rows, r => r[^1] == "In some – will extend to others");
    }

    private static List<string> Cells(TableRow row) =>
        row.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToList();

    [Fact]
    public async Task PartnershipsOperationalPlan_HoldsNi4WithItsTargetInEachYearColumn()
    {
        using var stream = new MemoryStream(await ServicePlan2009Async());
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;

        var table = body.Elements<Table>().Single(t => t.Elements<TableRow>().Any(r => Cells(r).Any(c => c.StartsWith("NI 4 ", StringComparison.Ordinal))));
        var heading = table.ElementsBefore().OfType<Paragraph>().Last(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2");
        var rows = table.Elements<TableRow>().ToList();
        var headings = Cells(rows.First(r => Cells(r).Contains("2009/10")));
        var ni4 = Cells(rows.Single(r => Cells(r).Any(c => c.StartsWith("NI 4 ", StringComparison.Ordinal))));

        Assert.Contains("Partnerships", heading.InnerText, StringComparison.Ordinal);
        Assert.Equal(["34.0%", "38.0%", "39.0%"], [ni4[headings.IndexOf("2009/10")], ni4[headings.IndexOf("2010/11")], ni4[headings.IndexOf("2011/12")]]);
        Assert.Contains("(2008 = 33.9%)", ni4[headings.IndexOf("Measure")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CouncilActions_HoldTheCctvReviewWithItsThreeStepsAndTenThousandPounds()
    {
        using var stream = new MemoryStream(await ServicePlan2009Async());
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;

        var row = body.Descendants<TableRow>().Single(r => Cells(r).Any(c => c.Contains("Carry out a review by 2010 of the provision and effectiveness of existing CCTV in the district", StringComparison.Ordinal)));
        var text = string.Join("\n", Cells(row));

        Assert.Contains("Identify CCTV consultant to carry out the review", text, StringComparison.Ordinal);
        Assert.Contains("Undertake review", text, StringComparison.Ordinal);
        Assert.Contains("Report findings to CDRP Board", text, StringComparison.Ordinal);
        Assert.Contains("£10,000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibreOffice_ConvertsTheServicePlanToPdf()
    {
        var soffice = PlanDocxLibreOfficeTests.FindSoffice();
        Assert.True(soffice is not null, "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui (build/test.sh does this).");
        var work = Directory.CreateTempSubdirectory("waymark-demo-docx-");
        try
        {
            var docx = Path.Combine(work.FullName, "service-plan.docx");
            await File.WriteAllBytesAsync(docx, await ServicePlan2009Async());
            var output = Directory.CreateDirectory(Path.Combine(work.FullName, "out"));
            var profile = Directory.CreateDirectory(Path.Combine(work.FullName, "profile"));

            var (exitCode, log) = PlanDocxLibreOfficeTests.Run(soffice!, [
                "-env:UserInstallation=" + new Uri(profile.FullName + "/").AbsoluteUri,
                "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", output.FullName, docx,
            ]);

            Assert.True(exitCode == 0, $"soffice exited with {exitCode}:\n{log}");
            var pdf = await File.ReadAllBytesAsync(Path.Combine(output.FullName, "service-plan.pdf"));
            Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
            Assert.True(pdf.Length > 10_000, $"The PDF has only {pdf.Length} bytes.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
