using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>Where a milestone stands in a period, as its owner reports it.</summary>
public enum MilestoneState
{
    /// <summary>Delivered, on the date recorded (<see cref="MilestoneProgress.AchievedOn"/>).</summary>
    Achieved = 0,

    /// <summary>On course to be delivered when the plan says.</summary>
    OnTrack = 1,

    /// <summary>Concerns about delivering it when the plan says.</summary>
    AtRisk = 2,

    /// <summary>Missed, or will be late: delivered by the revised month (<see cref="MilestoneProgress.RevisedMonth"/>).</summary>
    MissedOrLate = 3,
}

/// <summary>
/// A milestone's progress reported for one period (a quarter normally): its state, the date it was achieved or the month
/// it is now expected, commentary (and, when it is missed, what is being done about it), who reported it and when. One
/// a milestone and period; a second replaces the first, given the version that was read.
/// </summary>
public class MilestoneProgress : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int MilestoneId { get; set; }
    public Milestone? Milestone { get; set; }

    /// <summary>The period reported: a quarter normally (a month or a year allowed).</summary>
    public Period Period { get; set; }

    public MilestoneState State { get; set; }

    /// <summary>When it was achieved; set only for <see cref="MilestoneState.Achieved"/>.</summary>
    public DateOnly? AchievedOn { get; set; }

    /// <summary>The month it is now expected; set only for <see cref="MilestoneState.MissedOrLate"/>.</summary>
    public Period? RevisedMonth { get; set; }

    public string? Commentary { get; set; }

    /// <summary>What is being done about it (asked for when the state is judged Red by the organisation's commentary rules).</summary>
    public string? Remedial { get; set; }

    public int? EnteredByUserId { get; set; }
    public required string EnteredByName { get; set; }
    public DateTimeOffset EnteredAt { get; set; }

    /// <summary>Generated for the demonstration councils, not a council's real report; shown as such.</summary>
    public bool IsDemonstration { get; set; }

    public Guid Version { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Milestone)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) =>
        $"Milestone '{Milestone?.Title ?? MilestoneId.ToString(System.Globalization.CultureInfo.InvariantCulture)}', {Period.Format(yearStartMonth)}: {StateWords(State)}";

    /// <summary>The state in lower-case words, as a sentence reads it ("at risk").</summary>
    internal static string StateWords(MilestoneState state) => state switch
    {
        MilestoneState.Achieved => "achieved",
        MilestoneState.OnTrack => "on track",
        MilestoneState.AtRisk => "at risk",
        MilestoneState.MissedOrLate => "missed or late",
        _ => state.ToString(),
    };
}
