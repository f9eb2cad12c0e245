using System.Text;

namespace Waymark.Core.Spreadsheets;

/// <summary>
/// Waymark's CSV (RFC 4180): every field quoted with quotes doubled, CRLF line ends, UTF-8 with a
/// byte-order mark so that Excel reads the accents. Shared by <see cref="TableExport"/> and the audit export.
/// </summary>
public static class CsvFormat
{
    /// <summary>UTF-8 that writes the byte-order mark Excel needs to recognise the encoding.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public const string LineEnd = "\r\n";

    /// <summary>A text field: neutralised (<see cref="FormulaGuard.Neutralise"/>), then quoted.</summary>
    public static string TextField(string? value) => Quote(FormulaGuard.Neutralise(value));

    /// <summary>A field quoted as it is, with quotes doubled; for values that are not free text, such as numbers.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
