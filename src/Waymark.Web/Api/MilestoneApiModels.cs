namespace Waymark.Web.Api;

/// <summary>
/// A milestone's progress report for a period: the state ("on-track", "at-risk", "missed", "achieved") with its label and
/// colour on the organisation's key, the date achieved or the month now expected, commentary, what is being done about
/// it, who and when; version guards a replacement.
/// </summary>
public sealed record MilestoneReportDto(
    string Period, string Label, string State, string StateText, string Rag, string RagMeaning, DateOnly? AchievedOn, string? RevisedMonth,
    string? RevisedMonthLabel, string Summary, string? Commentary, string? Remedial, string By, DateTimeOffset At, bool IsDemonstration, Guid Version);

/// <summary>A milestone as a plan measures it: its owner, year targets as written, latest report and every report, latest period first.</summary>
public sealed record MilestoneProgressDto(
    int Id, int PlanId, string Title, string? Owner, IReadOnlyDictionary<string, string> Targets, MilestoneReportDto? Latest,
    IReadOnlyList<MilestoneReportDto> Reports, Guid Version);

/// <summary>
/// A report as sent: state, achievedOn (for achieved), revisedMonth ("Jun 12", for missed), commentary, remedial; the
/// report's version when replacing one.
/// </summary>
public sealed record MilestoneReportWriteDto(string? State, DateOnly? AchievedOn, string? RevisedMonth, string? Commentary, string? Remedial, Guid? Version);
