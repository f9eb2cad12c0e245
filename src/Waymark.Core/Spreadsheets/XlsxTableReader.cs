using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Waymark.Core.Spreadsheets;

/// <summary>
/// Reads the first worksheet of an .xlsx. The zip is checked first, with <see cref="ZipArchive"/>
/// alone: the number of entries, the sizes their headers declare, how tightly each is packed, and then
/// the sizes they really unpack to. Only a package that passes reaches the OpenXml SDK.
/// </summary>
internal static class XlsxTableReader
{
    internal const string NotAWorkbook = "The .xlsx file could not be read: it is not a valid Excel workbook.";

    /// <summary>Excel keeps 15 significant digits; a longer number is a binary artefact (33.899999999999999).</summary>
    private const int ExcelDigits = 15;

    public static ImportResult Read(MemoryStream file, ImportLimits limits)
    {
        var bytes = file.GetBuffer().AsSpan(0, (int)file.Length);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return ImportResult.Failure("The .xlsx file could not be read: it is an older Excel (.xls) file or is protected with a password. "
                + "Save it as an Excel Workbook (.xlsx) without a password and upload it again.");
        }

        if (CheckZip(file, limits) is { } zipError)
        {
            return ImportResult.Failure(zipError);
        }

        file.Position = 0;
        try
        {
            var settings = new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes };
            using var document = SpreadsheetDocument.Open(file, isEditable: false, settings);
            return ReadFirstSheet(document, limits);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FormatException
            or System.Xml.XmlException or InvalidOperationException or NotSupportedException or ArgumentException
            or OverflowException or KeyNotFoundException or InvalidCastException)
        {
            return ImportResult.Failure(NotAWorkbook);
        }
    }

    private static string? CheckZip(MemoryStream file, ImportLimits limits)
    {
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"The .xlsx file could not be read: it has {zip.Entries.Count:N0} parts inside, and the most Waymark reads is {limits.MaxZipEntries:N0}.");
            }

            var tooLarge = string.Create(CultureInfo.InvariantCulture,
                $"The .xlsx file could not be read: it would unpack to more than {TableImport.Size(limits.MaxUncompressedBytes)}.");
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (entry.Length < 0 || declared > limits.MaxUncompressedBytes)
                {
                    return tooLarge;
                }

                if (entry.Length >= limits.RatioCheckedFromBytes
                    && (entry.CompressedLength <= 0 || entry.Length / entry.CompressedLength > limits.MaxCompressionRatio))
                {
                    return "The .xlsx file could not be read: it is packed far more tightly than a workbook is, so Waymark will not unpack it.";
                }
            }

            // The headers may lie: unpack each entry, counting, and stop at the first byte past what it declared.
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                long actual = 0;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    actual += read;
                    if (actual > entry.Length)
                    {
                        return NotAWorkbook;
                    }
                }
            }

            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return NotAWorkbook;
        }
    }

    private static ImportResult ReadFirstSheet(SpreadsheetDocument document, ImportLimits limits)
    {
        var workbookPart = document.WorkbookPart;
        var sheet = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbookPart is null || sheet?.Id?.Value is not { } id)
        {
            return ImportResult.Failure(NotAWorkbook);
        }

        if (workbookPart.GetPartById(id) is not WorksheetPart worksheetPart)
        {
            return ImportResult.Failure("The first sheet of the workbook is not a table of cells (it may be a chart). Put the data on the first sheet.");
        }

        var sharedStrings = SharedStrings(workbookPart);
        var builder = new TableBuilder(limits);
        using var reader = OpenXmlReader.Create(worksheetPart);
        var previousRow = 0;
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                more = reader.Read();
                continue;
            }

            // Loading the row leaves the reader on whatever follows it: no Read() here.
            var row = (Row)reader.LoadCurrentElement()!;
            more = !reader.EOF;
            var rowNumber = row.RowIndex?.Value is { } r and > 0 and <= int.MaxValue ? (int)r : previousRow + 1;
            previousRow = rowNumber;
            if (builder.Add(rowNumber, Cells(row, sharedStrings)) is { } error)
            {
                return ImportResult.Failure(error);
            }
        }

        return builder.Finish();
    }

    private static List<(int Column, string Value)> Cells(Row row, IReadOnlyList<string> sharedStrings)
    {
        var cells = new List<(int, string)>();
        var previous = -1;
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnNames.IndexOf(reference) : -1;
            column = column >= 0 ? column : previous + 1;
            previous = column;
            cells.Add((column, Value(cell, sharedStrings)));
        }

        return cells;
    }

    private static string Value(Cell cell, IReadOnlyList<string> sharedStrings)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                ? sharedStrings[index]
                : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : raw;
        }

        if (type == CellValues.Boolean)
        {
            return raw.Trim() switch { "1" => "TRUE", "0" => "FALSE", var other => other };
        }

        if (type is null || type == CellValues.Number)
        {
            return Number(raw);
        }

        return raw; // a formula's text result, an error such as #N/A, an ISO date
    }

    /// <summary>
    /// A stored number as invariant text, exactly as stored (<c>33.9</c>); one with more digits than
    /// Excel keeps is rounded to 15 significant digits, as Excel shows it. Text that is no number stays as it is.
    /// </summary>
    internal static string Number(string raw)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return raw;
        }

        var digits = value.ToString(CultureInfo.InvariantCulture).TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0');
        if (digits.Length <= ExcelDigits)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(value);
        var integerDigits = magnitude >= 1 ? decimal.Truncate(magnitude).ToString(CultureInfo.InvariantCulture).Length : 0;
        var leadingZeros = 0;
        for (var m = magnitude; m is > 0 and < 0.1m; m *= 10)
        {
            leadingZeros++;
        }

        var decimals = ExcelDigits - integerDigits + leadingZeros;
        decimal rounded;
        if (decimals >= 0)
        {
            rounded = Math.Round(value, Math.Min(decimals, 28), MidpointRounding.AwayFromZero);
        }
        else
        {
            var scale = 1m;
            for (var k = 0; k < -decimals; k++)
            {
                scale *= 10;
            }

            rounded = Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
        }

        var text = rounded.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static List<string> SharedStrings(WorkbookPart workbookPart)
    {
        var strings = new List<string>();
        if (workbookPart.SharedStringTablePart is not { } part)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(ItemText(reader.LoadCurrentElement()!));
                more = !reader.EOF;
            }
            else
            {
                more = reader.Read();
            }
        }

        return strings;
    }

    /// <summary>The text of a shared or inline string: its plain text, or its rich-text runs joined; phonetic hints left out.</summary>
    private static string ItemText(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } plain)
        {
            return plain.Text;
        }

        var text = new StringBuilder();
        foreach (var run in item.Elements<Run>())
        {
            text.Append(run.Text?.Text);
        }

        return text.ToString();
    }
}
