using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>
/// How a milestone's progress reads (DESIGN.md §2: milestones are monitored as actions are): its state in words, its
/// colour on the organisation's R/A/G key (achieved and on track Green, at risk Amber, missed or late Red), the latest
/// report, and what a report says in one line. Plain functions: pages, the API, documents and returns call these.
/// </summary>
public static class MilestoneRules
{
    /// <summary>The states in the order a form offers them.</summary>
    public static IReadOnlyList<MilestoneState> States { get; } = [MilestoneState.OnTrack, MilestoneState.AtRisk, MilestoneState.MissedOrLate, MilestoneState.Achieved];

    /// <summary>The state as a label: "Achieved", "On track", "At risk", "Missed or late".</summary>
    public static string Text(MilestoneState state) => state switch
    {
        MilestoneState.Achieved => "Achieved",
        MilestoneState.OnTrack => "On track",
        MilestoneState.AtRisk => "At risk",
        MilestoneState.MissedOrLate => "Missed or late",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown milestone state."),
    };

    /// <summary>The state as a word for forms and the API: "achieved", "on-track", "at-risk", "missed".</summary>
    public static string Code(MilestoneState state) => state switch
    {
        MilestoneState.Achieved => "achieved",
        MilestoneState.OnTrack => "on-track",
        MilestoneState.AtRisk => "at-risk",
        MilestoneState.MissedOrLate => "missed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown milestone state."),
    };

    /// <summary>Reads a state as a code or as its label, any case ("at-risk", "At risk", "missed or late", "late").</summary>
    public static MilestoneState? Read(string? text)
    {
        var word = text?.Trim().ToLowerInvariant().Replace(' ', '-');
        return word switch
        {
            "achieved" or "complete" or "completed" => MilestoneState.Achieved,
            "on-track" or "ontrack" => MilestoneState.OnTrack,
            "at-risk" or "atrisk" => MilestoneState.AtRisk,
            "missed" or "late" or "missed-or-late" or "missedorlate" => MilestoneState.MissedOrLate,
            _ => null,
        };
    }

    /// <summary>The colour a state shows on the R/A/G key: achieved and on track Green, at risk Amber, missed or late Red.</summary>
    public static Rag Rag(MilestoneState state) => state switch
    {
        MilestoneState.Achieved or MilestoneState.OnTrack => Plans.Rag.Green,
        MilestoneState.AtRisk => Plans.Rag.Amber,
        MilestoneState.MissedOrLate => Plans.Rag.Red,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown milestone state."),
    };

    /// <summary>What the state's colour means in the organisation's own words ("Amber — some progress, but …").</summary>
    public static string Meaning(MilestoneState state, RagKeyWords key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var rag = Rag(state);
        return RagKey.Line(ActionRules.Text(rag), key.Meaning(rag));
    }

    /// <summary>The latest report: the one for the latest period (the most recently entered when two share a period).</summary>
    public static MilestoneProgress? Latest(IEnumerable<MilestoneProgress> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return reports.OrderByDescending(r => r.Period.End).ThenByDescending(r => r.Period.Start).ThenByDescending(r => r.EnteredAt).FirstOrDefault();
    }

    /// <summary>
    /// A report in one line: "Achieved on 12 March 2012", "Missed or late: now expected by June 2012", "At risk".
    /// </summary>
    public static string Summary(MilestoneProgress report, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report switch
        {
            { State: MilestoneState.Achieved, AchievedOn: { } on } => $"Achieved on {on.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}",
            { State: MilestoneState.MissedOrLate, RevisedMonth: { } month } => $"Missed or late: now expected by {month.Format(yearStartMonth)}",
            _ => Text(report.State),
        };
    }

    /// <summary>
    /// Null when <paramref name="date"/> may be the date a milestone was achieved (not after <paramref name="today"/>);
    /// else why not.
    /// </summary>
    public static string? WhyNotAchievedOn(DateOnly date, DateOnly today) =>
        date > today ? "The date it was achieved cannot be in the future" : null;

    /// <summary>
    /// Null when <paramref name="month"/> may be the month a missed milestone is now expected (the month of
    /// <paramref name="today"/> or later); else why not.
    /// </summary>
    public static string? WhyNotRevisedMonth(Period month, DateOnly today, int yearStartMonth) =>
        month.End < today ? $"{month.Format(yearStartMonth)} has passed: the month it is now expected must be this month or later" : null;
}
