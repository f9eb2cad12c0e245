namespace Waymark.Core.Indicators.Import;

/// <summary>What an import file holds: indicator definitions, their targets, or their values.</summary>
public enum ImportKind
{
    Definitions,
    Targets,
    Values,
}

/// <summary>An import the actor may make (<see cref="IndicatorImport.Open"/>): what the file holds.</summary>
public sealed record ImportKindChoice(ImportKind Kind);

/// <summary>
/// One problem with an import file: the row as a spreadsheet numbers it (null for the heading row or the file as a
/// whole), the column it is in, and the reason, in the words the forms use.
/// </summary>
public sealed record ImportProblem(int? Row, string Column, string Reason)
{
    /// <summary>"Row 3, Value: The value must be a number, like 33.9 or 1,010".</summary>
    public override string ToString() =>
        (Row is { } r ? $"Row {r}" : "Headings") + (Column.Length > 0 ? $", {Column}" : "") + ": " + Reason;
}

/// <summary>What saving a row will do.</summary>
public enum ImportChangeKind
{
    New,
    Change,
    NoChange,

    /// <summary>The row names the record but enters nothing (a template row left empty): skipped.</summary>
    Skipped,
}

/// <summary>One row's effect: "New value 34.2 for NI 4 Q1 2011/12", "Change NI 4 Q1 2011/12 from 33.0 to 34.2", "No change".</summary>
public sealed record ImportChange(int Row, ImportChangeKind Kind, string Description);

/// <summary>
/// The checked file: every problem, or (when there is none) what each row will change. <see cref="Seen"/> holds the
/// version of each row's record as read for the preview (null for a new one), so that the save can refuse rows whose
/// record someone else changed in between.
/// </summary>
public sealed class ImportPreview(ImportKind kind, IReadOnlyList<ImportProblem> problems, IReadOnlyList<ImportChange> changes, IReadOnlyDictionary<int, Guid?> seen)
{
    public ImportKind Kind { get; } = kind;

    public IReadOnlyList<ImportProblem> Problems { get; } = problems;

    public IReadOnlyList<ImportChange> Changes { get; } = changes;

    public IReadOnlyDictionary<int, Guid?> Seen { get; } = seen;

    public bool IsValid => Problems.Count == 0;

    public int Count(ImportChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>The outcome of a save: everything saved (with the counts), or nothing saved and the problems.</summary>
public sealed class ImportSaveResult(IReadOnlyList<ImportProblem> problems, IReadOnlyList<ImportChange> changes)
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;

    public IReadOnlyList<ImportChange> Changes { get; } = changes;

    public bool Saved => Problems.Count == 0;

    public int Created => Saved ? Changes.Count(c => c.Kind == ImportChangeKind.New) : 0;

    public int Changed => Saved ? Changes.Count(c => c.Kind == ImportChangeKind.Change) : 0;

    public int Unchanged => Saved ? Changes.Count(c => c.Kind is ImportChangeKind.NoChange or ImportChangeKind.Skipped) : 0;
}
