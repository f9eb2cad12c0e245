using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Waymark.Core.Audit;
using Waymark.Core.Spreadsheets;
using Table = Waymark.Core.Spreadsheets.Table;

namespace Waymark.Core.Tests.Spreadsheets;

public class TableExportTests
{
    private static Table Sample() =>
        new Table("Indicators: 2024/25", ["Code", "Title", "Actual", "Target", "Notes"])
            .AddRow("PI-1", "Household waste recycled", 33.9m, 35m, "Up on last year, \"provisional\"")
            .AddRow("PI-2", "Café visits", -5m, TableCell.Empty, "Line one\nline two")
            .AddRow("PI-3", "Short row");

    private static WorksheetPart FirstWorksheet(SpreadsheetDocument document) =>
        (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);

    [Fact]
    public void WriteCsv_QuotesEveryFieldWithCrlfAndBom()
    {
        var bytes = TableExport.ToCsv(Sample());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("\"Code\",\"Title\",\"Actual\",\"Target\",\"Notes\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"PI-1\",\"Household waste recycled\",\"33.9\",\"35\",\"Up on last year, \"\"provisional\"\"\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"PI-2\",\"Café visits\",\"-5\",\"\",\"Line one\nline two\"\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\"PI-3\",\"Short row\",\"\",\"\",\"\"\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=SUM(A1:A9)")]
    [InlineData("+44 1234")]
    [InlineData("-2+3")]
    [InlineData("@cmd")]
    [InlineData("\tindented")]
    [InlineData("\rreturn")]
    public void WriteCsv_TextThatLooksLikeAFormula_GetsAnApostrophe(string text)
    {
        var table = new Table("T", ["Value"]).AddRow(text);

        var csv = Encoding.UTF8.GetString(TableExport.ToCsv(table)[3..]);

        Assert.Equal("\"Value\"\r\n\"'" + text + "\"\r\n", csv);
    }

    [Fact]
    public void WriteCsv_NegativeNumbers_AreNotNeutralised()
    {
        var table = new Table("T", ["Value"]).AddRow(-5m);

        var csv = Encoding.UTF8.GetString(TableExport.ToCsv(table)[3..]);

        Assert.Equal("\"Value\"\r\n\"-5\"\r\n", csv);
    }

    [Fact]
    public void AuditCsvField_UsesTheSameNeutralisation()
    {
        Assert.Equal("\"'=1+1\"", AuditCsv.Field("=1+1"));
        Assert.Equal("\"a \"\"b\"\"\"", AuditCsv.Field("a \"b\""));
        Assert.Equal("\"\"", AuditCsv.Field(null));
        Assert.Same(CsvFormat.Encoding, AuditCsv.Encoding);
    }

    [Fact]
    public void WriteXlsx_PassesTheOpenXmlValidator()
    {
        var table = Sample().AddRow("=HYPERLINK(\"http://example.invalid\")", "bad\u0001control", 1234567.125m);
        using var stream = new MemoryStream(TableExport.ToXlsx(table));

        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void WriteXlsx_NumbersAreNumericCellsAndTextIsInlineStrings()
    {
        using var stream = new MemoryStream(TableExport.ToXlsx(Sample()));

        using var document = SpreadsheetDocument.Open(stream, false);
        var cells = FirstWorksheet(document).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);

        Assert.Null(cells["C2"].DataType);
        Assert.Equal("33.9", cells["C2"].CellValue!.Text);
        Assert.Null(cells["C3"].DataType);
        Assert.Equal("-5", cells["C3"].CellValue!.Text);
        Assert.Equal(CellValues.InlineString, cells["B2"].DataType!.Value);
        Assert.Equal("Household waste recycled", cells["B2"].InlineString!.Text!.Text);
        Assert.False(cells.ContainsKey("D3"));
    }

    [Fact]
    public void WriteXlsx_HeadingRowIsBoldAndFrozen_AndSheetIsNamedForExcel()
    {
        using var stream = new MemoryStream(TableExport.ToXlsx(Sample()));

        using var document = SpreadsheetDocument.Open(stream, false);
        var worksheet = FirstWorksheet(document).Worksheet;
        var heading = worksheet.Descendants<Cell>().First(c => c.CellReference == "A1");
        var font = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>()
            .ElementAt((int)document.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>()
                .ElementAt((int)heading.StyleIndex!.Value).FontId!.Value);
        var pane = worksheet.Descendants<Pane>().Single();

        Assert.NotNull(font.Bold);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal(5, worksheet.Descendants<Column>().Count());
        Assert.Equal("Indicators  2024 25", document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    public void WriteXlsx_TextThatLooksLikeAFormula_IsApostrophedTextAndNoFormulaIsWritten(string text)
    {
        var table = new Table("T", ["Value", "Number"]).AddRow(text, -1m);
        var bytes = TableExport.ToXlsx(table);
        using var stream = new MemoryStream(bytes);

        using var document = SpreadsheetDocument.Open(stream, false);
        var worksheet = FirstWorksheet(document).Worksheet;
        var cell = worksheet.Descendants<Cell>().Single(c => c.CellReference == "A2");
        var number = worksheet.Descendants<Cell>().Single(c => c.CellReference == "B2");

        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
        Assert.Equal("'" + text, cell.InlineString!.Text!.Text);
        Assert.Equal("-1", number.CellValue!.Text);
        Assert.Empty(worksheet.Descendants<CellFormula>());
        using var zip = new ZipArchive(new MemoryStream(bytes));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            var xml = reader.ReadToEnd();
            Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Indicators", "Indicators")]
    [InlineData("A/B?C*D[E]F:G\\H", "A B C D E F G H")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("", "Sheet1")]
    [InlineData("History", "Sheet1")]
    [InlineData("A title that is far too long for an Excel sheet", "A title that is far too long fo")]
    public void SheetName_FollowsExcelsRules(string title, string expected)
    {
        Assert.Equal(expected, TableExport.SheetName(title));
    }

    [Fact]
    public void AddRow_WithMoreCellsThanHeadings_Throws()
    {
        var table = new Table("T", ["One"]);

        Assert.Throws<ArgumentException>(() => table.AddRow("a", "b"));
    }
}
