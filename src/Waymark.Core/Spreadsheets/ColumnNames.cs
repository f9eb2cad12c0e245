namespace Waymark.Core.Spreadsheets;

/// <summary>Spreadsheet column letters: 0 is A, 25 is Z, 26 is AA.</summary>
internal static class ColumnNames
{
    public static string Letters(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }

        return letters;
    }

    /// <summary>The 0-based column of a cell reference such as <c>AB12</c>; -1 when it has no letters.</summary>
    public static int IndexOf(string reference)
    {
        var index = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            index = index * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (index > 1_000_000)
            {
                return -1;
            }
        }

        return i == 0 ? -1 : index - 1;
    }
}
