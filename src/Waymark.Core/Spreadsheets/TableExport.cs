using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Waymark.Core.Spreadsheets;

/// <summary>
/// Writes a <see cref="Table"/> as CSV or as an Excel workbook (.xlsx). Text that a spreadsheet would
/// take for a formula is neutralised in both (<see cref="FormulaGuard"/>); the .xlsx never holds a
/// formula, its text cells are always strings and its number cells always numbers.
/// </summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvExtension = ".csv";
    public const string XlsxExtension = ".xlsx";

    /// <summary>The most characters an Excel cell holds; longer text is cut to fit.</summary>
    internal const int MaxXlsxCellLength = 32_767;

    private const uint BoldStyle = 1;

    /// <summary>The table as CSV: headings, then the rows; every field quoted, CRLF, UTF-8 with a BOM.</summary>
    public static void WriteCsv(Table table, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new StreamWriter(destination, CsvFormat.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        writer.Write(string.Join(',', table.Headers.Select(CsvFormat.TextField)));
        writer.Write(CsvFormat.LineEnd);
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < table.Headers.Count; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                var cell = c < row.Count ? row[c] : TableCell.Empty;
                writer.Write(cell.Kind == CellKind.Number ? CsvFormat.Quote(cell.ToString()) : CsvFormat.TextField(cell.Text));
            }

            writer.Write(CsvFormat.LineEnd);
        }

        writer.Flush();
    }

    /// <summary>
    /// The table as a workbook with one worksheet named after the title: bold, frozen heading row,
    /// columns sized to their contents, text as inline strings, numbers as numeric cells.
    /// </summary>
    public static void WriteXlsx(Table table, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(destination);

        // The package is built in memory: System.IO.Packaging needs a seekable stream, a response body is not one.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = XmlSafe(table.Title);
            document.PackageProperties.Creator = "Waymark";
            var workbookPart = document.AddWorkbookPart();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            WriteWorksheet(table, worksheetPart);
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet
            {
                Name = SheetName(table.Title),
                SheetId = 1,
                Id = workbookPart.GetIdOfPart(worksheetPart),
            }));
        }

        buffer.Position = 0;
        buffer.CopyTo(destination);
    }

    /// <summary>The CSV as bytes, for a file download.</summary>
    public static byte[] ToCsv(Table table)
    {
        using var stream = new MemoryStream();
        WriteCsv(table, stream);
        return stream.ToArray();
    }

    /// <summary>The workbook as bytes, for a file download.</summary>
    public static byte[] ToXlsx(Table table)
    {
        using var stream = new MemoryStream();
        WriteXlsx(table, stream);
        return stream.ToArray();
    }

    /// <summary>
    /// A worksheet name Excel accepts: at most 31 characters, none of <c>: \ / ? * [ ]</c>, no
    /// apostrophe at either end; "Sheet1" when nothing is left.
    /// </summary>
    public static string SheetName(string? title)
    {
        var chars = XmlSafe(title ?? string.Empty)
            .Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || char.IsControl(c) ? ' ' : c)
            .ToArray();
        var name = new string(chars).Trim().Trim('\'').Trim();
        if (name.Length > 31)
        {
            name = name[..31].TrimEnd();
            if (char.IsHighSurrogate(name[^1]))
            {
                name = name[..^1];
            }
        }

        return name.Length == 0 || name.Equals("History", StringComparison.OrdinalIgnoreCase) ? "Sheet1" : name;
    }

    private static void WriteWorksheet(Table table, WorksheetPart part)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane
            {
                VerticalSplit = 1D,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0U,
        }));
        writer.WriteElement(Columns(table));
        writer.WriteStartElement(new SheetData());

        WriteRow(writer, 1, table.Headers.Select(TableCell.FromString).ToList(), BoldStyle);
        var rowNumber = 1u;
        foreach (var row in table.Rows)
        {
            WriteRow(writer, ++rowNumber, row, styleIndex: null);
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowNumber, IReadOnlyList<TableCell> cells, uint? styleIndex)
    {
        writer.WriteStartElement(new Row { RowIndex = rowNumber });
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            if (cell.Kind == CellKind.Empty)
            {
                continue;
            }

            var reference = ColumnNames.Letters(c) + rowNumber.ToString(CultureInfo.InvariantCulture);
            var element = cell.Kind == CellKind.Number
                ? new Cell { CellReference = reference, CellValue = new CellValue(cell.Number.ToString(CultureInfo.InvariantCulture)) }
                : new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(XlsxText(cell.Text)) { Space = SpaceProcessingModeValues.Preserve }),
                };
            if (styleIndex is { } style)
            {
                element.StyleIndex = style;
            }

            writer.WriteElement(element);
        }

        writer.WriteEndElement();
    }

    /// <summary>Column widths from the longest value in each column (in characters), between 8 and 60.</summary>
    private static Columns Columns(Table table)
    {
        var columns = new Columns();
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var longest = table.Headers[c].Length + 2; // bold headings are wider
            foreach (var row in table.Rows)
            {
                if (c < row.Count)
                {
                    longest = Math.Max(longest, row[c].ToString().Length + (row[c].Kind == CellKind.Text && FormulaGuard.NeedsNeutralising(row[c].Text) ? 1 : 0));
                }
            }

            var index = (uint)(c + 1);
            columns.Append(new Column { Min = index, Max = index, Width = Math.Clamp(longest, 8, 60) + 2, CustomWidth = true });
        }

        return columns;
    }

    /// <summary>Text for a string cell: neutralised, stripped of characters XML cannot hold, cut to Excel's limit.</summary>
    private static string XlsxText(string text)
    {
        var value = XmlSafe(FormulaGuard.Neutralise(text));
        if (value.Length > MaxXlsxCellLength)
        {
            value = value[..MaxXlsxCellLength];
            if (char.IsHighSurrogate(value[^1]))
            {
                value = value[..^1];
            }
        }

        return value;
    }

    /// <summary>Drops the characters XML 1.0 cannot hold (most control characters, lone surrogates).</summary>
    internal static string XmlSafe(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlCharAt(text, i, out var width))
            {
                firstBad = i;
                break;
            }

            i += width - 1;
        }

        if (firstBad < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (IsXmlCharAt(text, i, out var width))
            {
                builder.Append(text, i, width);
                i += width - 1;
            }
        }

        return builder.ToString();
    }

    private static bool IsXmlCharAt(string text, int i, out int width)
    {
        if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
        {
            width = 2;
            return true;
        }

        width = 1;
        return XmlConvert.IsXmlChar(text[i]);
    }

    /// <summary>Calibri 11; style 1 is the same in bold. Excel needs the two default fills and one border.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 }))
        { Count = 2U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true })
        { Count = 2U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
}
