using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Corrections;

/// <summary>Corrections in words, as the register, its CSV and the API show them.</summary>
public static class CorrectionWords
{
    /// <summary>The kinds as the URL and the API write them, with how they read.</summary>
    public static IReadOnlyList<(string Word, CorrectionKind Kind, string Text)> Kinds { get; } =
    [
        ("indicator-value", CorrectionKind.IndicatorValue, "Indicator value"),
        ("action-progress", CorrectionKind.ActionProgress, "Action progress"),
        ("milestone-progress", CorrectionKind.MilestoneProgress, "Milestone progress"),
    ];

    public static string Word(CorrectionKind kind) => Kinds.First(k => k.Kind == kind).Word;

    public static string Text(CorrectionKind kind) => Kinds.First(k => k.Kind == kind).Text;

    /// <summary>The kind a word names ("indicator-value"); null for none.</summary>
    public static CorrectionKind? Read(string? word) =>
        Kinds.Where(k => string.Equals(k.Word, word?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(k => (CorrectionKind?)k.Kind).FirstOrDefault();

    /// <summary>What it was, as shown: the value and its R/A/G or status, "none" when there was none.</summary>
    public static string Before(Correction correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return Shown(correction.OldValue, correction.OldStatus) ?? "None";
    }

    /// <summary>What it became; "Deleted" when the record was deleted.</summary>
    public static string After(Correction correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return Shown(correction.NewValue, correction.NewStatus) ?? "Deleted";
    }

    /// <summary>The register as a table for CSV or .xlsx (cells neutralised against formulas by the export).</summary>
    public static Table Table(IEnumerable<Correction> corrections, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(corrections);
        var table = new Table("Corrections",
            ["Date", "Kind", "Record", "Period", "Unit", "Was", "Now", "Commentary changed", "Reason", "By", "Under a lock exception"]);
        foreach (var c in corrections)
        {
            table.AddRow(c.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Text(c.Kind), c.Subject, c.Period.Format(yearStartMonth),
                c.Unit?.Name ?? "", Before(c), After(c), c.CommentaryChanged ? "Yes" : "No", c.Reason, c.ByName, c.LockExceptionId is null ? "No" : "Yes");
        }

        return table;
    }

    private static string? Shown(string? value, string? status) => (value, status) switch
    {
        (null, null) => null,
        ({ } v, null) => v,
        (null, { } s) => s,
        ({ } v, { } s) => $"{v} ({s})",
    };
}
