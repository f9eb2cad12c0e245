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
    private async Task<byte[]> ServicePlan2009Async()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;
        var id = await db.Plans.Where(p => p.StartYear == Period.FinancialYear(2009, 4) && p.PlanType!.Key == "service-plan").Select(p => p.Id).SingleAsync();
        var document = await new PlanDocumentBuilder(db, TimeProvider.System).BuildAsync(id);
        return PlanDocx.ToBytes(document!);
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
        Assert.Equal(["34%", "38%", "39%"], [ni4[headings.IndexOf("2009/10")], ni4[headings.IndexOf("2010/11")], ni4[headings.IndexOf("2011/12")]]);
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
