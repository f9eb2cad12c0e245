namespace Waymark.Web.Pages;

/// <summary>One option of a select; options with the same <paramref name="Group"/> are shown under it.</summary>
public sealed record SelectOption(string Value, string Text, string? Group = null);

/// <summary>A GOV.UK select with its label, hint and error message (see _Select.cshtml).</summary>
public sealed record SelectInput(string Id, string Name, string Label, string? Value, string? Error, IReadOnlyList<SelectOption> Options)
{
    public string? Hint { get; init; }

    /// <summary>The first option, with an empty value ("None", "Choose a level"); null for none.</summary>
    public string? EmptyText { get; init; }
}

/// <summary>A GOV.UK textarea with its label, hint and error message (see _Textarea.cshtml).</summary>
public sealed record TextareaInput(string Id, string Name, string Label, string? Value, string? Error)
{
    public string? Hint { get; init; }
    public int Rows { get; init; } = 5;
}

/// <summary>One field where the saved record and the person's unsaved input differ.</summary>
public sealed record ConflictRow(string Field, string? Saved, string? Yours)
{
    /// <summary>The rows where the two texts differ, in the order given.</summary>
    public static IReadOnlyList<ConflictRow> Differing(params ConflictRow[] rows) =>
        rows.Where(r => !string.Equals(r.Saved ?? "", r.Yours ?? "", StringComparison.Ordinal)).ToList();
}
