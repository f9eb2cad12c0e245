using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Performance;

/// <summary>One exception found: its kind and, for an indicator that is Red, how many periods running it has been Red.</summary>
public sealed record ExceptionFinding(ExceptionKind Kind, int? RedPeriods = null);

/// <summary>
/// The exception rules (DESIGN.md §3 "Exceptions"), in one place: reports, the exceptions page and the API ask these.
/// Each kind is reported only when the organisation's settings have it on (<see cref="ExceptionSettings"/>). Plain
/// functions: the caller passes the history, the links and "today".
/// </summary>
public static class ExceptionRules
{
    /// <summary>The words for a kind, as a heading.</summary>
    public static string Text(ExceptionKind kind) => kind switch
    {
        ExceptionKind.Red => "Red",
        ExceptionKind.RedPersisting => "Red for several periods running",
        ExceptionKind.RedWithoutAction => "Red with no corrective action",
        ExceptionKind.AmberTwice => "Amber two periods running",
        ExceptionKind.WorseningTwice => "Worsening two periods running",
        ExceptionKind.MissingAtDeadline => "Values missing at the deadline",
        ExceptionKind.OverdueAction => "Overdue actions",
        ExceptionKind.MissedMilestone => "Missed milestones",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown exception kind."),
    };

    /// <summary>The kind as a word for the API and forms ("red-persisting").</summary>
    public static string Code(ExceptionKind kind) => kind switch
    {
        ExceptionKind.Red => "red",
        ExceptionKind.RedPersisting => "red-persisting",
        ExceptionKind.RedWithoutAction => "red-without-action",
        ExceptionKind.AmberTwice => "amber-twice",
        ExceptionKind.WorseningTwice => "worsening-twice",
        ExceptionKind.MissingAtDeadline => "missing-at-deadline",
        ExceptionKind.OverdueAction => "overdue-action",
        ExceptionKind.MissedMilestone => "missed-milestone",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown exception kind."),
    };

    /// <summary>Reads a kind's code (any case); null when it is none.</summary>
    public static ExceptionKind? Read(string? code) =>
        Enum.GetValues<ExceptionKind>().Cast<ExceptionKind?>().FirstOrDefault(k => string.Equals(Code(k!.Value), code?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>How many periods running, ending with the last, the statuses are Red (0 when the last is not).</summary>
    public static int RedPeriods(IReadOnlyList<IndicatorStatus> statusesInOrder)
    {
        ArgumentNullException.ThrowIfNull(statusesInOrder);
        var n = 0;
        for (var i = statusesInOrder.Count - 1; i >= 0 && statusesInOrder[i] == IndicatorStatus.Red; i--)
        {
            n++;
        }

        return n;
    }

    /// <summary>
    /// Worse than the period before, two periods running: the last three values are all there, and each of the last two
    /// is worse than the one before in the indicator's good direction (<see cref="IndicatorRules.DirectionOfTravel"/>,
    /// so "no change" within the indicator's threshold is not worsening). Data only indicators never worsen.
    /// </summary>
    public static bool IsWorseningTwice(IReadOnlyList<decimal?> valuesInOrder, Polarity polarity, int decimalPlaces, decimal? noChangeThreshold)
    {
        ArgumentNullException.ThrowIfNull(valuesInOrder);
        var n = valuesInOrder.Count;
        return n >= 3
            && IndicatorRules.DirectionOfTravel(valuesInOrder[n - 1], valuesInOrder[n - 2], polarity, decimalPlaces, noChangeThreshold) == Direction.Worsening
            && IndicatorRules.DirectionOfTravel(valuesInOrder[n - 2], valuesInOrder[n - 3], polarity, decimalPlaces, noChangeThreshold) == Direction.Worsening;
    }

    /// <summary>
    /// The deadline a period's value had to be in by: the round's returns deadline when a monitoring round covers the
    /// period, else the organisation's rule (<see cref="IndicatorRules.Deadline"/>).
    /// </summary>
    public static DateOnly Deadline(Period period, DateOnly? roundDeadline, int valuesDueDays) =>
        roundDeadline ?? IndicatorRules.Deadline(period, valuesDueDays);

    /// <summary>
    /// An indicator's exceptions in the last of its periods given (statuses and values in period order, ending with the
    /// period judged). <paramref name="hasValue"/>: a value (or "not available") was given for the period;
    /// <paramref name="hasCorrectiveAction"/>: an open action is linked to the indicator.
    /// </summary>
    public static IReadOnlyList<ExceptionFinding> ForIndicator(
        ExceptionSettings settings, IReadOnlyList<IndicatorStatus> statusesInOrder, IReadOnlyList<decimal?> valuesInOrder,
        Polarity polarity, int decimalPlaces, decimal? noChangeThreshold,
        bool hasValue, DateOnly deadline, DateOnly today, bool hasCorrectiveAction)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(statusesInOrder);
        var found = new List<ExceptionFinding>();
        if (statusesInOrder.Count == 0)
        {
            return found;
        }

        var last = statusesInOrder[^1];
        var red = RedPeriods(statusesInOrder);
        void Add(ExceptionKind kind, bool when, int? periods = null)
        {
            if (when && settings.IsOn(kind))
            {
                found.Add(new ExceptionFinding(kind, periods));
            }
        }

        Add(ExceptionKind.Red, last == IndicatorStatus.Red, red);
        Add(ExceptionKind.RedPersisting, red >= settings.RedPeriods, red);
        Add(ExceptionKind.RedWithoutAction, last == IndicatorStatus.Red && !hasCorrectiveAction, red);
        Add(ExceptionKind.AmberTwice, statusesInOrder.Count >= 2 && last == IndicatorStatus.Amber && statusesInOrder[^2] == IndicatorStatus.Amber);
        Add(ExceptionKind.WorseningTwice, IsWorseningTwice(valuesInOrder, polarity, decimalPlaces, noChangeThreshold));
        Add(ExceptionKind.MissingAtDeadline, !hasValue && today > deadline);
        return found;
    }

    /// <summary>An action's exception: overdue (<see cref="ActionRules.IsOverdue(PlanAction, DateOnly)"/>).</summary>
    public static IReadOnlyList<ExceptionFinding> ForAction(ExceptionSettings settings, bool isOverdue)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return isOverdue && settings.IsOn(ExceptionKind.OverdueAction) ? [new ExceptionFinding(ExceptionKind.OverdueAction)] : [];
    }

    /// <summary>
    /// Whether a milestone is missed as at <paramref name="asAt"/>: its latest report says missed or late; or its month
    /// (the year's target read as a month, "May 09") has ended and no report says it was achieved.
    /// </summary>
    public static bool IsMissed(MilestoneState? latestState, Period? dueMonth, DateOnly asAt) =>
        latestState == MilestoneState.MissedOrLate
        || (latestState != MilestoneState.Achieved && dueMonth is { } due && asAt > due.End);

    /// <summary>A milestone's exception: missed (<see cref="IsMissed"/>).</summary>
    public static IReadOnlyList<ExceptionFinding> ForMilestone(ExceptionSettings settings, bool isMissed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return isMissed && settings.IsOn(ExceptionKind.MissedMilestone) ? [new ExceptionFinding(ExceptionKind.MissedMilestone)] : [];
    }
}
