namespace Waymark.Core.Spreadsheets;

/// <summary>
/// A list to export: a title (the worksheet's name in .xlsx), column headings and rows of cells.
/// A row may be shorter than the headings (the rest is empty) but not longer.
/// </summary>
public sealed class Table
{
    private readonly List<IReadOnlyList<TableCell>> _rows = [];

    public Table(string title, IEnumerable<string> headers)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(headers);
        Title = title;
        Headers = [.. headers];
        if (Headers.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(headers));
        }
    }

    public string Title { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<IReadOnlyList<TableCell>> Rows => _rows;

    /// <summary>Adds a row; cells convert from <see cref="string"/>, <see cref="decimal"/> and <see cref="int"/>.</summary>
    public Table AddRow(params IEnumerable<TableCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        TableCell[] row = [.. cells];
        if (row.Length > Headers.Count)
        {
            throw new ArgumentException($"The row has {row.Length} cells but the table has {Headers.Count} columns.", nameof(cells));
        }

        _rows.Add(row);
        return this;
    }
}
