namespace Waymark.Core.Plans;

/// <summary>The field names of a milestone progress report, as in forms and API bodies; errors are keyed by these.</summary>
public static class MilestoneFields
{
    public const string Period = "period";
    public const string State = "state";
    public const string AchievedOn = "achievedOn";
    public const string RevisedMonth = "revisedMonth";
    public const string Commentary = "commentary";
    public const string Remedial = "remedial";
}

/// <summary>
/// A milestone's progress as entered: the period (a quarter, "Q3 2011/12" or "Q2011-10"), the state as a word
/// ("on-track", "at-risk", "missed", "achieved"), the date achieved or the month now expected ("Jun 12"), commentary and
/// what is being done about it; the report's version when replacing one.
/// </summary>
public sealed record MilestoneProgressInput(string? Period, string? State, DateOnly? AchievedOn, string? RevisedMonth, string? Commentary, Guid? Version)
{
    /// <summary>What is being done about it (asked for a missed milestone where the organisation's rules say so).</summary>
    public string? Remedial { get; init; }

    /// <summary>Why the progress of a locked period (its monitoring round closed) is being changed; asked only then.</summary>
    public string? CorrectionReason { get; init; }
}
