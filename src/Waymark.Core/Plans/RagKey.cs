namespace Waymark.Core.Plans;

/// <summary>
/// The meaning of an action's Red / Amber / Green assessment (DESIGN.md §3, seed 001's "Key for Improvement
/// Plan"). It is the lead officer's judgement, and its meaning is printed wherever R/A/G is shown.
/// </summary>
public static class RagKey
{
    /// <summary>The heading printed above the key.</summary>
    public const string Title = "Key to R/A/G status";

    /// <summary>What Red means.</summary>
    public const string Red = "little or no progress; target date likely to be missed; intervention needed.";

    /// <summary>What Amber means.</summary>
    public const string Amber = "some progress, but concerns about meeting the completion date; monitor.";

    /// <summary>What Green means.</summary>
    public const string Green = "completed, or on track to meet the completion date.";

    /// <summary>The key as printed: one line a colour, in the order Red, Amber, Green.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Entries { get; } =
    [
        ("Red", Red),
        ("Amber", Amber),
        ("Green", Green),
    ];

    /// <summary>What an assessment means, as the key prints it.</summary>
    public static string Meaning(Rag rag) => rag switch
    {
        Rag.Red => Red,
        Rag.Amber => Amber,
        Rag.Green => Green,
        _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, "Unknown R/A/G."),
    };

    /// <summary>One line of the key as text: "Red — little or no progress; …".</summary>
    public static string Line(string name, string meaning) => name + " — " + meaning;

    /// <summary>The whole key as text, one line a colour.</summary>
    public static string Text { get; } = string.Join('\n', Entries.Select(e => Line(e.Name, e.Meaning)));
}
