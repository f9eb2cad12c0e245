using System.Globalization;

namespace Waymark.Core.Editing;

/// <summary>
/// Reads the fields of an input into clean values and collects one message per field, worded one way everywhere
/// ("Enter a title", "The title must be 1,000 characters or fewer"). Editors read with it; pages and the API show its
/// messages as they are.
/// </summary>
public sealed class FieldReader
{
    private readonly Dictionary<string, string> errors = [];

    /// <summary>Field name (as in the API body) → message.</summary>
    public IReadOnlyDictionary<string, string> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    /// <summary>Records a message for a field (the first message for a field stands).</summary>
    public void Fail(string field, string message) => errors.TryAdd(field, message);

    /// <summary>
    /// Text trimmed, or null when blank. <paramref name="label"/> names the field in a sentence ("title", "lead
    /// officer's name"): "Enter a title"; "The title must be 200 characters or fewer".
    /// </summary>
    public string? Text(string? value, string field, string label, int max, bool required = false)
    {
        var cleaned = Clean(value);
        if (cleaned is null)
        {
            if (required)
            {
                Fail(field, $"Enter {Article(label)} {label}");
            }

            return null;
        }

        if (Problem(cleaned, label, max) is { } problem)
        {
            Fail(field, problem);
        }

        return cleaned;
    }

    /// <summary>
    /// What is wrong with a text that is present, or null: longer than <paramref name="max"/>, or holding a character
    /// that cannot be saved (<see cref="StoredText"/>). For editors that collect their messages themselves.
    /// </summary>
    public static string? Problem(string? text, string label, int max) =>
        text is null ? null
        : text.Length > max ? TooLong(label, max)
        : StoredText.Problem(text) is { } kind ? StoredText.Message(label, kind)
        : null;

    /// <summary>"The title must be 8,000 characters or fewer": the one wording of a length limit.</summary>
    public static string TooLong(string label, int max) =>
        $"The {label} must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer";

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// Trimmed text (null when blank) that is refused with a message when it holds a character that cannot be saved
    /// (<see cref="StoredText"/>): for text an editor reads without a length of its own to check.
    /// </summary>
    public string? Storable(string? value, string field, string label)
    {
        var cleaned = Clean(value);
        if (StoredText.Problem(cleaned) is { } problem)
        {
            Fail(field, StoredText.Message(label, problem));
        }

        return cleaned;
    }

    private static string Article(string label) => label.Length > 0 && "aeiou".Contains(char.ToLowerInvariant(label[0]), StringComparison.Ordinal) ? "an" : "a";
}
