using Waymark.Core.Organisations;

namespace Waymark.Core.Plans;

/// <summary>
/// The meaning of an action's Red / Amber / Green assessment (DESIGN.md §3, seed 001's "Key for Improvement
/// Plan"). It is the lead officer's judgement, and its meaning is printed wherever R/A/G is shown: in the organisation's
/// own words when it has set them (<see cref="For"/>), else in these.
/// </summary>
public static class RagKey
{
    public const int TitleMaxLength = 200;
    public const int MeaningMaxLength = 500;

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

    /// <summary>Waymark's own words for the key.</summary>
    public static RagKeyWords Default { get; } = new(Title, null, Red, Amber, Green);

    /// <summary>The organisation's key: its own words where it has set them, Waymark's for the rest.</summary>
    public static RagKeyWords For(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        static string Or(string? own, string standard) => string.IsNullOrWhiteSpace(own) ? standard : own.Trim();
        return new RagKeyWords(
            Or(organisation.RagKeyTitle, Title), string.IsNullOrWhiteSpace(organisation.RagKeyNote) ? null : organisation.RagKeyNote.Trim(),
            Or(organisation.RagKeyRed, Red), Or(organisation.RagKeyAmber, Amber), Or(organisation.RagKeyGreen, Green));
    }

    /// <summary>What an assessment means, as the key prints it.</summary>
    public static string Meaning(Rag rag) => Default.Meaning(rag);

    /// <summary>One line of the key as text: "Red — little or no progress; …".</summary>
    public static string Line(string name, string meaning) => name + " — " + meaning;

    /// <summary>The whole key as text, one line a colour.</summary>
    public static string Text { get; } = Default.Text;
}

/// <summary>An R/A/G key as an organisation prints it: a title, an optional note under it, and what each colour means.</summary>
public sealed record RagKeyWords(string Title, string? Note, string Red, string Amber, string Green)
{
    /// <summary>The key's lines in the order Red, Amber, Green.</summary>
    public IReadOnlyList<(Rag Rag, string Name, string Meaning)> Entries =>
    [
        (Plans.Rag.Red, "Red", Red),
        (Plans.Rag.Amber, "Amber", Amber),
        (Plans.Rag.Green, "Green", Green),
    ];

    /// <summary>What an assessment means, in these words.</summary>
    public string Meaning(Rag rag) => rag switch
    {
        Plans.Rag.Red => Red,
        Plans.Rag.Amber => Amber,
        Plans.Rag.Green => Green,
        _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, "Unknown R/A/G."),
    };

    /// <summary>The whole key as text, one line a colour.</summary>
    public string Text => string.Join('\n', Entries.Select(e => RagKey.Line(e.Name, e.Meaning)));
}
