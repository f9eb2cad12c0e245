namespace Waymark.Core.Editing;

/// <summary>
/// What text may be saved. Control characters (NUL and the rest of C0 and C1, other than tab and line breaks) are
/// refused: PostgreSQL cannot store NUL at all, SQLite would store them silently, and none belongs in a council's
/// records. A broken UTF-16 surrogate (half of a pair) cannot be written as UTF-8 by either database.
/// </summary>
public static class StoredText
{
    /// <summary>Why <paramref name="text"/> cannot be saved, or null when it can.</summary>
    public static UnstorableKind? Problem(string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return UnstorableKind.BrokenCharacter;
            }

            if (char.IsLowSurrogate(c))
            {
                return UnstorableKind.BrokenCharacter;
            }

            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return UnstorableKind.ControlCharacter;
            }
        }

        return null;
    }

    /// <summary>"The title must not contain control characters (such as NUL)": the one wording, by field label.</summary>
    public static string Message(string label, UnstorableKind kind) => kind switch
    {
        UnstorableKind.ControlCharacter => $"The {label} must not contain control characters (such as NUL); tabs and new lines are allowed",
        _ => $"The {label} contains a broken character (half of a UTF-16 surrogate pair): enter the text again",
    };
}

/// <summary>Why text cannot be saved.</summary>
public enum UnstorableKind
{
    ControlCharacter,
    BrokenCharacter,
}

/// <summary>
/// Raised by the DbContext when a save holds text that cannot be stored (<see cref="StoredText"/>): the last line of
/// defence behind the editors' own checks, so that imports, commands and any future path are refused the same way on
/// both databases instead of failing in one and storing garbage in the other.
/// </summary>
public sealed class UnstorableTextException : Exception
{
    public UnstorableTextException()
    {
    }

    public UnstorableTextException(string message)
        : base(message)
    {
    }

    public UnstorableTextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnstorableTextException(string record, string field, UnstorableKind kind)
        : base(StoredText.Message(field, kind) + $" ({record})")
    {
        Record = record;
        Field = field;
        Kind = kind;
    }

    public string? Record { get; }

    public string? Field { get; }

    public UnstorableKind Kind { get; }
}
