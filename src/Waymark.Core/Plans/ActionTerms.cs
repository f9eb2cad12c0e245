namespace Waymark.Core.Plans;

/// <summary>
/// The words that name an action's kind, state and R/A/G in the API ("improvement-action", "in-progress", "amber"):
/// one list, so that what the API writes is what it reads.
/// </summary>
public static class ActionTerms
{
    public static IReadOnlyDictionary<string, ActionKind> Kinds { get; } = Map(
        ("improvement-action", ActionKind.ImprovementAction), ("council-action-step", ActionKind.CouncilActionStep),
        ("inspection-proposal", ActionKind.InspectionProposal), ("key-action", ActionKind.KeyAction));

    public static IReadOnlyDictionary<string, ActionState> States { get; } = Map(
        ("not-started", ActionState.NotStarted), ("in-progress", ActionState.InProgress), ("completed", ActionState.Completed),
        ("deferred", ActionState.Deferred), ("cancelled", ActionState.Cancelled));

    public static IReadOnlyDictionary<string, Rag> Rags { get; } = Map(("red", Rag.Red), ("amber", Rag.Amber), ("green", Rag.Green));

    public static IReadOnlyDictionary<string, ProgressStatus> Statuses { get; } = Map(
        ("not-commenced", ProgressStatus.NotCommenced), ("on-going", ProgressStatus.OnGoing), ("complete", ProgressStatus.Complete));

    public static string Word(ProgressStatus status) => WordOf(Statuses, status);

    public static string Word(ActionKind kind) => WordOf(Kinds, kind);

    public static string Word(ActionState state) => WordOf(States, state);

    public static string Word(Rag rag) => WordOf(Rags, rag);

    /// <summary>The value a word names (case and surrounding space ignored); false when it is not one of <paramref name="words"/>.</summary>
    public static bool TryRead<T>(string? word, IReadOnlyDictionary<string, T> words, out T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(words);
        value = default;
        return word is not null && words.TryGetValue(word.Trim().ToLowerInvariant(), out value);
    }

    private static string WordOf<T>(IReadOnlyDictionary<string, T> words, T value)
        where T : struct, Enum =>
        words.FirstOrDefault(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Key
        ?? throw new ArgumentOutOfRangeException(nameof(value), value, "No word for this value.");

    private static Dictionary<string, T> Map<T>(params (string Word, T Value)[] pairs)
        where T : notnull =>
        pairs.ToDictionary(p => p.Word, p => p.Value, StringComparer.Ordinal);
}
