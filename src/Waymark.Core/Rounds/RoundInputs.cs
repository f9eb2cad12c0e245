namespace Waymark.Core.Rounds;

/// <summary>
/// A round to open, as the form and the API send it: the period (its code, "Q2011-10", or as people write it, "Q3
/// 2011/12"), both deadlines (empty: the organisation's defaults), grace days and auto-close days (as typed; empty
/// grace is none, empty auto-close is "only when closed by a person").
/// </summary>
public sealed record OpenRoundInput(string? Period, DateOnly? ReturnsDeadline, DateOnly? SignOffDeadline, string? GraceDays, string? AutoCloseDays);

/// <summary>A period the "open a round" form offers; <see cref="HasRound"/> when a round for it exists already.</summary>
public sealed record PeriodChoice(Periods.Period Period, string Text, bool HasRound);

/// <summary>What the "open a round" form starts from (<see cref="RoundEditor.OpenFormAsync"/>).</summary>
public sealed record OpenRoundForm(
    IReadOnlyList<PeriodChoice> Choices, Periods.Period Chosen, RoundDeadlines Deadlines, int GraceDays, int? AutoCloseDays,
    int ReturnsWorkingDays, int SignOffWorkingDays);

/// <summary>The field names errors are keyed by, as in the API body.</summary>
public static class RoundFields
{
    public const string Period = "period";
    public const string ReturnsDeadline = "returnsDeadline";
    public const string SignOffDeadline = "signOffDeadline";
    public const string GraceDays = "graceDays";
    public const string AutoCloseDays = "autoCloseDays";
}
