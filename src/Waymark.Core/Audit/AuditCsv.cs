using System.Globalization;
using System.Text;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Audit;

/// <summary>
/// The audit trail as CSV (RFC 4180): every field quoted, CRLF line ends, UTF-8 with a byte-order
/// mark so that Excel reads the accents. Free text in the trail comes from users (names, titles,
/// attempted usernames), so any cell a spreadsheet would take for a formula is neutralised.
/// </summary>
public static class AuditCsv
{
    /// <summary>UTF-8 that writes the byte-order mark Excel needs to recognise the encoding.</summary>
    public static Encoding Encoding => CsvFormat.Encoding;

    public static IReadOnlyList<string> Header { get; } =
    [
        "Entry", "Occurred at (UTC)", "Person", "Source", "Action", "Entity type", "Entity id", "Summary", "Changes",
        "Previous hash", "Hash",
    ];

    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        await WriteRowAsync(writer, Header);
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            await WriteRowAsync(writer,
            [
                e.Id.ToString(CultureInfo.InvariantCulture),
                e.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                e.Actor, e.Source, e.Action, e.EntityType, e.EntityId, e.Summary, e.Changes, e.PreviousHash, e.Hash,
            ]);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// One field, quoted, with quotes doubled; a leading <c>= + - @</c>, tab or carriage return gets
    /// an apostrophe first so a spreadsheet shows the text instead of running it (<see cref="FormulaGuard"/>).
    /// </summary>
    public static string Field(string? value) => CsvFormat.TextField(value);

    private static async Task WriteRowAsync(TextWriter writer, IReadOnlyList<string?> fields)
    {
        await writer.WriteAsync(string.Join(',', fields.Select(Field)));
        await writer.WriteAsync(CsvFormat.LineEnd);
    }
}
