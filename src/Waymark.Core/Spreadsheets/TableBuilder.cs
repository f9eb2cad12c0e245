using System.Globalization;

namespace Waymark.Core.Spreadsheets;

/// <summary>
/// Turns the rows a reader finds into a <see cref="ReadTable"/>, the same for CSV and .xlsx: cells
/// trimmed and un-neutralised, blank rows skipped, the first non-blank row taken as the headings,
/// and the column, cell-length and row limits applied.
/// </summary>
internal sealed class TableBuilder(ImportLimits limits)
{
    private readonly List<ReadRow> _rows = [];
    private List<string>? _headers;
    private int _dataRows;

    /// <summary>Adds a row of (0-based column, raw value) pairs; a message when the row breaks a limit.</summary>
    public string? Add(int rowNumber, IReadOnlyList<(int Column, string Value)> rawCells)
    {
        var cells = new List<(int Column, string Value)>(rawCells.Count);
        foreach (var (column, raw) in rawCells)
        {
            var value = FormulaGuard.Restore(raw.Trim());
            if (value.Length > 0)
            {
                cells.Add((column, value));
            }
        }

        if (cells.Count == 0)
        {
            return null;
        }

        if (_headers is not null && ++_dataRows > limits.MaxDataRows)
        {
            return null; // only counted, for the message at the end
        }

        var width = cells.Max(c => c.Column) + 1;
        if (_headers is null && width > limits.MaxColumns)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The file has {width:N0} columns; the most Waymark reads is {limits.MaxColumns:N0}.");
        }

        foreach (var (column, value) in cells)
        {
            if (_headers is not null && column >= _headers.Count)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"Row {rowNumber} has a value in column {ColumnNames.Letters(column)}, which has no heading. Add a heading or remove the value.");
            }

            if (value.Length > limits.MaxCellLength)
            {
                var where = _headers is null
                    ? $"The heading in column {ColumnNames.Letters(column)}"
                    : $"Row {rowNumber}, column {ColumnNames.Letters(column)} (\"{_headers[column]}\"),";
                return string.Create(CultureInfo.InvariantCulture,
                    $"{where} has {value.Length:N0} characters; the most a cell may hold is {limits.MaxCellLength:N0}.");
            }
        }

        var row = new string[_headers?.Count ?? width];
        Array.Fill(row, string.Empty);
        foreach (var (column, value) in cells)
        {
            row[column] = value;
        }

        if (_headers is null)
        {
            _headers = [.. row];
        }
        else
        {
            _rows.Add(new ReadRow(rowNumber, row));
        }

        return null;
    }

    public ImportResult Finish()
    {
        if (_headers is null)
        {
            return ImportResult.Failure("The file is empty: it has no heading row.");
        }

        if (_dataRows > limits.MaxDataRows)
        {
            return ImportResult.Failure(string.Create(CultureInfo.InvariantCulture,
                $"The file has {_dataRows:N0} rows; the most Waymark imports at once is {limits.MaxDataRows:N0}. Split it into smaller files."));
        }

        return ImportResult.Success(new ReadTable(_headers, _rows));
    }
}
