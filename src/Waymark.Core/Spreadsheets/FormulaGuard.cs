namespace Waymark.Core.Spreadsheets;

/// <summary>
/// Formula neutralisation (OWASP "CSV injection"): text that a spreadsheet would take for a formula
/// (a leading <c>= + - @</c>, tab or carriage return) gets an apostrophe in front, so Excel and
/// LibreOffice show it as text instead of running it. The one implementation for every export.
/// </summary>
public static class FormulaGuard
{
    /// <summary>True when <paramref name="text"/> starts with a character a spreadsheet reads as the start of a formula.</summary>
    public static bool NeedsNeutralising(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text with an apostrophe in front when it could be read as a formula; null becomes empty.</summary>
    public static string Neutralise(string? text)
    {
        var value = text ?? string.Empty;
        return NeedsNeutralising(value) ? "'" + value : value;
    }

    /// <summary>
    /// Undoes <see cref="Neutralise"/> on imported text: one leading apostrophe directly before
    /// <c>= + - @</c> is removed, so a file Waymark exported reads back as the text it held.
    /// </summary>
    public static string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length >= 2 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' ? text[1..] : text;
    }
}
