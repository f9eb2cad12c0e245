using System.Globalization;

namespace Waymark.Core.Spreadsheets;

/// <summary>What a <see cref="TableCell"/> holds.</summary>
public enum CellKind
{
    Empty,
    Text,
    Number,
}

/// <summary>
/// One cell of a <see cref="Table"/>: text, a number or nothing. Numbers stay numbers in .xlsx, so a
/// spreadsheet can total them; text is always text (never a formula). <c>default</c> is empty.
/// </summary>
public readonly record struct TableCell
{
    private readonly string? _text;

    private TableCell(CellKind kind, string? text, decimal number)
    {
        Kind = kind;
        _text = text;
        Number = number;
    }

    public static TableCell Empty => default;

    public CellKind Kind { get; }

    /// <summary>The text of a text cell; empty for any other kind.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>The value of a number cell; 0 for any other kind.</summary>
    public decimal Number { get; }

    /// <summary>A text cell; null becomes an empty cell.</summary>
    public static TableCell FromString(string? text) => text is null ? Empty : new(CellKind.Text, text, 0m);

    public static TableCell FromDecimal(decimal number) => new(CellKind.Number, null, number);

    /// <summary>A number cell; null becomes an empty cell.</summary>
    public static TableCell FromDecimal(decimal? number) => number is { } n ? FromDecimal(n) : Empty;

    public static implicit operator TableCell(string? text) => FromString(text);

    public static implicit operator TableCell(decimal number) => FromDecimal(number);

    public static implicit operator TableCell(decimal? number) => FromDecimal(number);

    public static implicit operator TableCell(int number) => FromDecimal(number);

    /// <summary>A text cell as written; a number in the invariant culture (<c>33.9</c>); empty as "".</summary>
    public override string ToString() => Kind switch
    {
        CellKind.Text => Text,
        CellKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        _ => string.Empty,
    };
}
