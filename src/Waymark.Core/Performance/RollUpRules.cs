using Waymark.Core.Indicators;
using Waymark.Core.Plans;

namespace Waymark.Core.Performance;

/// <summary>An action's standing in a roll-up: completed, overdue (whatever its R/A/G), else its latest R/A/G.</summary>
public enum ActionStatus
{
    Red,
    Amber,
    Green,

    /// <summary>Open, not overdue, and no R/A/G recorded yet.</summary>
    NotAssessed,

    /// <summary>Past its due month and not completed (DESIGN.md §3), whatever its R/A/G.</summary>
    Overdue,

    Complete,
}

/// <summary>Indicators counted by status, with "% on target" (DESIGN.md §3).</summary>
public sealed record IndicatorCounts(int Green, int Amber, int Red, int NoTarget, int Missing, int NotDue)
{
    public static IndicatorCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    public int Total => Green + Amber + Red + NoTarget + Missing + NotDue;

    /// <summary>Those judged against a target: Green + Amber + Red.</summary>
    public int Judged => Green + Amber + Red;

    /// <summary>Green ÷ (Green + Amber + Red) × 100; null when none is judged.</summary>
    public decimal? PercentOnTarget => Judged == 0 ? null : Green * 100m / Judged;

    public int Of(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Green => Green,
        IndicatorStatus.Amber => Amber,
        IndicatorStatus.Red => Red,
        IndicatorStatus.NoTarget => NoTarget,
        IndicatorStatus.Missing => Missing,
        IndicatorStatus.NotDue => NotDue,
        _ => 0,
    };
}

/// <summary>Actions counted by <see cref="ActionStatus"/>, with the share on track.</summary>
public sealed record ActionCounts(int Red, int Amber, int Green, int NotAssessed, int Overdue, int Complete)
{
    public static ActionCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    public int Total => Red + Amber + Green + NotAssessed + Overdue + Complete;

    /// <summary>(Green + Complete) ÷ (Red + Amber + Green + Overdue + Complete) × 100; null when none is assessed.</summary>
    public decimal? PercentOnTrack => Red + Amber + Green + Overdue + Complete is var assessed and > 0 ? (Green + Complete) * 100m / assessed : null;

    public int Of(ActionStatus status) => status switch
    {
        ActionStatus.Red => Red,
        ActionStatus.Amber => Amber,
        ActionStatus.Green => Green,
        ActionStatus.NotAssessed => NotAssessed,
        ActionStatus.Overdue => Overdue,
        ActionStatus.Complete => Complete,
        _ => 0,
    };
}

/// <summary>A roll-up of measures and actions (a framework entry, a unit, a plan, a basket).</summary>
public sealed record PerformanceRollUp(IndicatorCounts Indicators, ActionCounts Actions)
{
    public static PerformanceRollUp None { get; } = new(IndicatorCounts.None, ActionCounts.None);

    /// <summary>"% on target" of the indicators (DESIGN.md §3).</summary>
    public decimal? PercentOnTarget => Indicators.PercentOnTarget;
}

/// <summary>
/// The roll-up rules (DESIGN.md §3 "Roll-up"), in one place: every framework, unit, plan and basket page and the API
/// count through these. Plain functions.
/// </summary>
public static class RollUpRules
{
    /// <summary>Counts indicator statuses; "% on target" is <see cref="IndicatorRules.PercentOnTarget"/>'s rule.</summary>
    public static IndicatorCounts Count(IEnumerable<IndicatorStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        int g = 0, a = 0, r = 0, n = 0, m = 0, d = 0;
        foreach (var s in statuses)
        {
            switch (s)
            {
                case IndicatorStatus.Green: g++; break;
                case IndicatorStatus.Amber: a++; break;
                case IndicatorStatus.Red: r++; break;
                case IndicatorStatus.NoTarget: n++; break;
                case IndicatorStatus.Missing: m++; break;
                case IndicatorStatus.NotDue: d++; break;
                default: throw new ArgumentOutOfRangeException(nameof(statuses), s, "Unknown status.");
            }
        }

        return new IndicatorCounts(g, a, r, n, m, d);
    }

    /// <summary>Counts action statuses (a cancelled action, null, is not counted).</summary>
    public static ActionCounts Count(IEnumerable<ActionStatus?> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var all = statuses.Where(s => s.HasValue).Select(s => s!.Value).ToList();
        return new ActionCounts(
            all.Count(s => s == ActionStatus.Red), all.Count(s => s == ActionStatus.Amber), all.Count(s => s == ActionStatus.Green),
            all.Count(s => s == ActionStatus.NotAssessed), all.Count(s => s == ActionStatus.Overdue), all.Count(s => s == ActionStatus.Complete));
    }

    /// <summary>Both counts together.</summary>
    public static PerformanceRollUp Of(IEnumerable<IndicatorStatus> indicators, IEnumerable<ActionStatus?> actions) =>
        new(Count(indicators), Count(actions));

    /// <summary>
    /// An action's standing: Complete when completed; not counted (null) when cancelled; Overdue when past its due month
    /// (<see cref="ActionRules.IsOverdue(PlanAction, DateOnly)"/> as at the end of the period judged, or today
    /// if sooner); else its latest R/A/G up to the period, else Not assessed.
    /// </summary>
    public static ActionStatus? StatusOf(ActionState state, bool isOverdue, Rag? latestRag) => state switch
    {
        ActionState.Cancelled => null,
        ActionState.Completed => ActionStatus.Complete,
        _ when isOverdue => ActionStatus.Overdue,
        _ => latestRag switch
        {
            Rag.Red => ActionStatus.Red,
            Rag.Amber => ActionStatus.Amber,
            Rag.Green => ActionStatus.Green,
            _ => ActionStatus.NotAssessed,
        },
    };

    /// <summary>The words for an action status, never colour alone.</summary>
    public static string Text(ActionStatus status) => status switch
    {
        ActionStatus.Red => "Red",
        ActionStatus.Amber => "Amber",
        ActionStatus.Green => "Green",
        ActionStatus.NotAssessed => "Not assessed",
        ActionStatus.Overdue => "Overdue",
        ActionStatus.Complete => "Complete",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown action status."),
    };
}
