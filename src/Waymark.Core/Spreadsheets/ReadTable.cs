using System.Diagnostics.CodeAnalysis;

namespace Waymark.Core.Spreadsheets;

/// <summary>One data row of an uploaded table.</summary>
/// <param name="RowNumber">The row as a spreadsheet numbers it: the heading is row 1, so the first data row is 2.</param>
/// <param name="Cells">One string a heading, trimmed; an empty cell is "".</param>
public sealed record ReadRow(int RowNumber, IReadOnlyList<string> Cells)
{
    public string this[int column] => Cells[column];
}

/// <summary>An uploaded table: its headings and its non-blank data rows, every cell as a string.</summary>
public sealed class ReadTable(IReadOnlyList<string> headers, IReadOnlyList<ReadRow> rows)
{
    public IReadOnlyList<string> Headers { get; } = headers;

    public IReadOnlyList<ReadRow> Rows { get; } = rows;

    /// <summary>The 0-based column whose heading is <paramref name="header"/> (trimmed, any case); -1 when none is.</summary>
    public int ColumnOf(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var wanted = header.Trim();
        for (var i = 0; i < Headers.Count; i++)
        {
            if (string.Equals(Headers[i], wanted, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>What <see cref="TableImport.Read"/> gives: the table, or one message saying why the file cannot be read.</summary>
public sealed class ImportResult
{
    private ImportResult(ReadTable? table, string? error)
    {
        Table = table;
        Error = error;
    }

    public ReadTable? Table { get; }

    /// <summary>A message for the person who uploaded the file, about the whole file.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Table))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Table is not null;

    public static ImportResult Success(ReadTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(table, null);
    }

    public static ImportResult Failure(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(null, error);
    }
}
