namespace Waymark.Core.Rounds;

/// <summary>How long the rounds' texts and settings may be.</summary>
public static class RoundLimits
{
    /// <summary>A person's name, as recorded for who opened, closed, submitted or signed off.</summary>
    public const int NameMaxLength = 200;

    /// <summary>A manager's note on a returned item.</summary>
    public const int NoteMaxLength = 8000;

    /// <summary>The most working days a deadline may be set after the period's end (or after the returns deadline).</summary>
    public const int MaxWorkingDays = 120;

    /// <summary>The most calendar days of grace, or before a round closes by itself.</summary>
    public const int MaxDays = 365;
}
