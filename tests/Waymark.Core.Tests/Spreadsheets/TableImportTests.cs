using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Waymark.Core.Spreadsheets;
using Table = Waymark.Core.Spreadsheets.Table;

namespace Waymark.Core.Tests.Spreadsheets;

public class TableImportTests
{
    private static ImportResult Read(byte[] bytes, string fileName, ImportLimits? limits = null)
    {
        using var stream = new MemoryStream(bytes);
        return TableImport.Read(stream, fileName, limits ?? ImportLimits.Default);
    }

    private static ImportResult ReadCsv(string text) => Read(Encoding.UTF8.GetBytes(text), "upload.csv");

    private static ReadTable Succeeds(ImportResult result)
    {
        Assert.True(result.Succeeded, result.Error);
        return result.Table;
    }

    private static Table Sample() =>
        new Table("Indicators", ["Code", "Title", "Actual", "Notes"])
            .AddRow("PI-1", "Household waste recycled", 33.9m, "Up, \"provisional\"")
            .AddRow("PI-2", "Café visits", -5m, "Line one\nline two")
            .AddRow("PI-3", "=SUM(A1:A2)", 0.0001m, "+44 @home")
            .AddRow("PI-4", "-minus", 1234567.5m);

    private static readonly string[][] SampleCells =
    [
        ["PI-1", "Household waste recycled", "33.9", "Up, \"provisional\""],
        ["PI-2", "Café visits", "-5", "Line one\nline two"],
        ["PI-3", "=SUM(A1:A2)", "0.0001", "+44 @home"],
        ["PI-4", "-minus", "1234567.5", ""],
    ];

    /// <summary>A zip with the given entries (name, content), packed as it is asked.</summary>
    private static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Rewrites the uncompressed size that a zip's local and central headers declare for every entry.</summary>
    private static byte[] DeclareUncompressedSize(byte[] zip, uint size)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
            }
        }

        return bytes;
    }

    [Theory]
    [InlineData("export.csv")]
    [InlineData("export.XLSX")]
    public void RoundTrip_GivesBackTheSameCells_WithNumbersAsStoredAndNeutralisationUndone(string fileName)
    {
        var bytes = fileName.EndsWith(".csv", StringComparison.Ordinal) ? TableExport.ToCsv(Sample()) : TableExport.ToXlsx(Sample());

        var table = Succeeds(Read(bytes, fileName));

        Assert.Equal(["Code", "Title", "Actual", "Notes"], table.Headers);
        Assert.Equal([2, 3, 4, 5], table.Rows.Select(r => r.RowNumber));
        Assert.Equal(SampleCells, table.Rows.Select(r => r.Cells.ToArray()));
    }

    [Theory]
    [InlineData("33.9", "33.9")]
    [InlineData("33.899999999999999", "33.9")]
    [InlineData("0.30000000000000004", "0.3")]
    [InlineData("-1.5E-3", "-0.0015")]
    [InlineData("45292", "45292")]
    [InlineData("123456789012345678", "123456789012346000")]
    [InlineData("not a number", "not a number")]
    public void Xlsx_NumberCells_ComeBackAsInvariantTextAsExcelShowsThem(string stored, string expected)
    {
        Assert.Equal(expected, XlsxTableReader.Number(stored));
    }

    [Fact]
    public void Xlsx_SharedStringsRichTextAndBooleans_AreResolved()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var strings = workbookPart.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("Name")),
                new SharedStringItem(new Text("Done")),
                new SharedStringItem(new Run(new Text("Rich ")), new Run(new Text("text"))),
                new SharedStringItem(new Text("'=1+2")));
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(
                    new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                    new Cell { CellReference = "B1", DataType = CellValues.SharedString, CellValue = new CellValue("1") }) { RowIndex = 1U },
                new Row(
                    new Cell { CellReference = "A4", DataType = CellValues.SharedString, CellValue = new CellValue("2") },
                    new Cell { CellReference = "B4", DataType = CellValues.Boolean, CellValue = new CellValue("1") }) { RowIndex = 4U },
                new Row(
                    new Cell { CellReference = "B5", DataType = CellValues.SharedString, CellValue = new CellValue("3") }) { RowIndex = 5U }));
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = "Data", SheetId = 1U, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }

        var table = Succeeds(Read(stream.ToArray(), "book.xlsx"));

        Assert.Equal(["Name", "Done"], table.Headers);
        Assert.Equal(4, table.Rows[0].RowNumber);
        Assert.Equal(["Rich text", "TRUE"], table.Rows[0].Cells);
        Assert.Equal(5, table.Rows[1].RowNumber);
        Assert.Equal(["", "=1+2"], table.Rows[1].Cells);
    }

    [Fact]
    public void Csv_QuotedCommasQuotesAndNewlines_AreOneField()
    {
        var result = ReadCsv("Name,Notes\n\"Smith, J\",\"He said \"\"hi\"\"\r\nthen left\"\n");

        var table = Succeeds(result);
        Assert.Equal(["Smith, J", "He said \"hi\"\r\nthen left"], table.Rows.Single().Cells);
        Assert.Equal(2, table.Rows.Single().RowNumber);
    }

    [Fact]
    public void Csv_WithOrWithoutBom_CrlfOrLf_ReadsTheSame()
    {
        var withBom = Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("A,B\r\n1,Café\r\n")], "a.csv");
        var without = ReadCsv("A,B\n1,Café");

        Assert.Equal(["A", "B"], Succeeds(withBom).Headers);
        Assert.Equal(["1", "Café"], Succeeds(withBom).Rows.Single().Cells);
        Assert.Equal(["1", "Café"], Succeeds(without).Rows.Single().Cells);
    }

    [Fact]
    public void Csv_BlankRowsAreSkipped_AndRowNumbersStillCountThem()
    {
        var result = ReadCsv("Code,Value\r\n\r\nA, 1 \r\n,\r\n  ,  \r\nB,2\r\n");

        var table = Succeeds(result);
        Assert.Equal([3, 6], table.Rows.Select(r => r.RowNumber));
        Assert.Equal(["A", "1"], table.Rows[0].Cells);
        Assert.Equal(["B", "2"], table.Rows[1].Cells);
    }

    [Fact]
    public void Csv_ShortRows_ArePaddedToTheHeadings()
    {
        var table = Succeeds(ReadCsv("A,B,C\nx\n"));

        Assert.Equal(["x", "", ""], table.Rows.Single().Cells);
        Assert.Equal(1, table.ColumnOf(" b "));
        Assert.Equal(-1, table.ColumnOf("D"));
    }

    [Fact]
    public void Csv_UnterminatedQuote_NamesTheRow()
    {
        var result = ReadCsv("A,B\n1,2\n3,\"never closed\n4,5\n");

        Assert.False(result.Succeeded);
        Assert.Equal("Row 3 has a value that starts with a quote (\") but never ends with one. Check the quotes in that row.", result.Error);
    }

    [Theory]
    [InlineData("A,B\n1,2\n3,4 \"inches\"\n")]
    [InlineData("A,B\n1,2\n3,\"4\" inches\n")]
    public void Csv_StrayQuote_NamesTheRow(string csv)
    {
        var result = ReadCsv(csv);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Row 3 has a quote (\") inside a value.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_NotUtf8_SaysHowToSaveIt()
    {
        var result = Read([(byte)'A', (byte)'\n', 0xA3, (byte)'5'], "latin1.csv");

        Assert.False(result.Succeeded);
        Assert.Contains("not UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'=1+1", "=1+1")]
    [InlineData("'+1", "+1")]
    [InlineData("'-1", "-1")]
    [InlineData("'@x", "@x")]
    [InlineData("''=1", "''=1")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("'", "'")]
    public void Read_StripsOneApostropheOnlyBeforeAFormulaCharacter(string cell, string expected)
    {
        var table = Succeeds(ReadCsv("Value\n" + cell + "\n"));

        Assert.Equal(expected, table.Rows.Single()[0]);
    }

    [Fact]
    public void Read_TooManyRows_SaysHowManyAndTheLimit()
    {
        var csv = new StringBuilder("Code\n");
        for (var i = 0; i < 6001; i++)
        {
            csv.Append("x\n");
        }

        var result = ReadCsv(csv.ToString());

        Assert.Equal("The file has 6,001 rows; the most Waymark imports at once is 5,000. Split it into smaller files.", result.Error);
    }

    [Fact]
    public void Read_TooManyRowsInXlsx_SaysHowManyAndTheLimit()
    {
        var table = new Table("T", ["Code"]);
        for (var i = 0; i < 11; i++)
        {
            table.AddRow(i);
        }

        var result = Read(TableExport.ToXlsx(table), "t.xlsx", new ImportLimits { MaxDataRows = 10 });

        Assert.Equal("The file has 11 rows; the most Waymark imports at once is 10. Split it into smaller files.", result.Error);
    }

    [Fact]
    public void Read_FileLargerThanTheLimit_IsRefused()
    {
        var bytes = new byte[5 * 1024 * 1024 + 1];
        Array.Fill(bytes, (byte)'a');

        var result = Read(bytes, "big.csv");

        Assert.Equal("The file is larger than 5 MB.", result.Error);
    }

    [Fact]
    public void Read_TooManyColumns_IsRefused()
    {
        var result = ReadCsv(string.Join(',', Enumerable.Range(1, 51)) + "\n");

        Assert.Equal("The file has 51 columns; the most Waymark reads is 50.", result.Error);
    }

    [Fact]
    public void Read_ValueUnderNoHeading_NamesRowAndColumn()
    {
        var result = ReadCsv("A,B\n1,2,,\n1,2,3\n");

        Assert.Equal("Row 3 has a value in column C, which has no heading. Add a heading or remove the value.", result.Error);
    }

    [Fact]
    public void Read_CellLongerThanTheLimit_NamesRowAndColumn()
    {
        var result = ReadCsv("A,Notes\n1," + new string('x', 4001) + "\n");

        Assert.Equal("Row 2, column B (\"Notes\"), has 4,001 characters; the most a cell may hold is 4,000.", result.Error);
    }

    [Theory]
    [InlineData("data.txt")]
    [InlineData("data.xls")]
    [InlineData("data")]
    [InlineData("")]
    public void Read_OtherExtensions_AreRefused(string fileName)
    {
        var result = Read(Encoding.UTF8.GetBytes("A\n1\n"), fileName);

        Assert.Equal("The file must be a CSV (.csv) or Excel (.xlsx) file.", result.Error);
    }

    [Fact]
    public void Read_EmptyFile_IsRefused()
    {
        Assert.Equal("The file is empty.", Read([], "a.csv").Error);
        Assert.Equal("The file is empty: it has no heading row.", ReadCsv("\n , \n").Error);
    }

    [Fact]
    public void Xlsx_ThatIsNotAZip_IsNotAValidWorkbook()
    {
        var result = Read(Encoding.UTF8.GetBytes("Code,Value\n1,2\n"), "renamed.xlsx");

        Assert.Equal("The .xlsx file could not be read: it is not a valid Excel workbook.", result.Error);
    }

    [Fact]
    public void Xlsx_ThatIsAZipButNotAWorkbook_IsNotAValidWorkbook()
    {
        var result = Read(Zip([("hello.txt", "hello"u8.ToArray())]), "zip.xlsx");

        Assert.Equal("The .xlsx file could not be read: it is not a valid Excel workbook.", result.Error);
    }

    [Fact]
    public void Xlsx_TruncatedWorkbook_IsNotAValidWorkbook()
    {
        var bytes = TableExport.ToXlsx(Sample());

        var result = Read(bytes[..(bytes.Length / 2)], "cut.xlsx");

        Assert.Equal("The .xlsx file could not be read: it is not a valid Excel workbook.", result.Error);
    }

    [Fact]
    public void Xlsx_OleFile_SaysItIsOldOrPasswordProtected()
    {
        var result = Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "locked.xlsx");

        Assert.Contains("older Excel (.xls) file or is protected with a password", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_WithTooManyZipEntries_IsRefusedBeforeParsing()
    {
        var result = Read(Zip(Enumerable.Range(0, 101).Select(i => ($"part{i}.xml", new byte[] { 1 }))), "many.xlsx");

        Assert.Equal("The .xlsx file could not be read: it has 101 parts inside, and the most Waymark reads is 100.", result.Error);
    }

    [Fact]
    public void Xlsx_EntryPackedFarTighterThanAWorkbook_IsRefusedBeforeParsing()
    {
        var bomb = Zip([("xl/worksheets/sheet1.xml", new byte[20 * 1024 * 1024])]);

        var result = Read(bomb, "bomb.xlsx");

        Assert.True(bomb.Length < 200 * 1024, $"The test zip is {bomb.Length} bytes.");
        Assert.Equal("The .xlsx file could not be read: it is packed far more tightly than a workbook is, so Waymark will not unpack it.", result.Error);
    }

    [Fact]
    public void Xlsx_DeclaringAHugeUncompressedSize_IsRefusedBeforeParsing()
    {
        var zip = DeclareUncompressedSize(Zip([("xl/worksheets/sheet1.xml", new byte[1000])]), 0xFFFF_0000);

        var result = Read(zip, "huge.xlsx");

        Assert.Equal("The .xlsx file could not be read: it would unpack to more than 50 MB.", result.Error);
    }

    [Fact]
    public void Xlsx_UnpackingToMoreThanItsHeadersDeclare_IsRefused()
    {
        var zip = DeclareUncompressedSize(Zip([("xl/worksheets/sheet1.xml", new byte[3 * 1024 * 1024])]), 100);

        var result = Read(zip, "liar.xlsx");

        Assert.Equal("The .xlsx file could not be read: it is not a valid Excel workbook.", result.Error);
    }

    [Fact]
    public void Xlsx_UnpackingToMoreThanTheLimit_IsRefused()
    {
        var bytes = TableExport.ToXlsx(Sample());

        var result = Read(bytes, "t.xlsx", new ImportLimits { MaxUncompressedBytes = 2048 });

        Assert.Equal("The .xlsx file could not be read: it would unpack to more than 2 KB.", result.Error);
    }

    [Fact]
    public void Xlsx_ReadsOnlyTheFirstWorksheet()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheets = new Sheets();
            foreach (var (name, id) in new[] { ("First", 1U), ("Second", 2U) })
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData(new Row(
                    new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(name)) }) { RowIndex = 1U }));
                sheets.Append(new Sheet { Name = name, SheetId = id, Id = workbookPart.GetIdOfPart(part) });
            }

            workbookPart.Workbook = new Workbook(sheets);
        }

        var table = Succeeds(Read(stream.ToArray(), "two.xlsx"));

        Assert.Equal(["First"], table.Headers);
        Assert.Empty(table.Rows);
    }
}
