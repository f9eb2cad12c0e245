using System.Globalization;

namespace Waymark.Core.Spreadsheets;

/// <summary>
/// Reads an uploaded table, a CSV (.csv) or the first worksheet of an Excel workbook (.xlsx), into
/// strings, within <see cref="ImportLimits"/>. Bad input never throws: it gives one message for the
/// whole file, fit to show the person who uploaded it.
/// </summary>
public static class TableImport
{
    public const string WrongKind = "The file must be a CSV (.csv) or Excel (.xlsx) file.";

    /// <summary>
    /// The table in <paramref name="file"/>, read by the extension of <paramref name="fileName"/>:
    /// headings from the first non-blank row, then each non-blank row with its spreadsheet row number.
    /// </summary>
    public static ImportResult Read(Stream file, string fileName, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        var extension = Path.GetExtension(fileName ?? string.Empty);
        var isCsv = string.Equals(extension, TableExport.CsvExtension, StringComparison.OrdinalIgnoreCase);
        var isXlsx = string.Equals(extension, TableExport.XlsxExtension, StringComparison.OrdinalIgnoreCase);
        if (!isCsv && !isXlsx)
        {
            return ImportResult.Failure(WrongKind);
        }

        using var buffer = new MemoryStream();
        try
        {
            if (!CopyAtMost(file, buffer, limits.MaxFileBytes))
            {
                return ImportResult.Failure($"The file is larger than {Size(limits.MaxFileBytes)}.");
            }
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            return ImportResult.Failure("The file could not be read. Upload it again.");
        }

        if (buffer.Length == 0)
        {
            return ImportResult.Failure("The file is empty.");
        }

        return isCsv
            ? CsvTableReader.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), limits)
            : XlsxTableReader.Read(buffer, limits);
    }

    /// <summary>Reads the whole stream into the buffer; false, as soon as it passes the limit.</summary>
    private static bool CopyAtMost(Stream source, MemoryStream destination, long limit)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (destination.Length + read > limit)
            {
                return false;
            }

            destination.Write(chunk, 0, read);
        }

        return true;
    }

    /// <summary>A size for a message: "5 MB", "1.5 MB", "200 KB", "900 bytes".</summary>
    internal static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024m * 1024m)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024m).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };
}
