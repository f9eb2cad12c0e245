using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Performance;

/// <summary>What a performance row is about.</summary>
public enum PerformanceItemKind
{
    Indicator,
    Action,
    Milestone,
}

/// <summary>
/// One item of a summary (an indicator, an action or a milestone) as every summary table shows it: its status in words,
/// commentary, what is being done about it, the responsible officer, the portfolio holder, a link to its page (a path
/// under the organisation), and its exceptions in the period.
/// </summary>
public abstract record PerformanceItem(
    PerformanceItemKind Kind, int Id, string Label, int? UnitId, string? UnitName,
    string? Commentary, string? Remedial, string? Owner, string? PortfolioHolder, string Link)
{
    /// <summary>The exceptions found for the item (only the kinds the organisation reports).</summary>
    public IReadOnlyList<ExceptionFinding> Exceptions { get; init; } = [];

    /// <summary>The status in words ("Red", "Not due", "Overdue", "Missed or late").</summary>
    public abstract string StatusText { get; }
}

/// <summary>
/// An indicator in the period: its own period judged (<see cref="Period"/>: the quarter asked, the last month of it for a
/// monthly indicator, the year for an annual one), value, target, status, direction of travel, year-end forecast.
/// </summary>
public sealed record PerformanceIndicatorRow(
    Indicator Indicator, Period? Period, decimal? Value, bool NotAvailable, Target? Target, IndicatorStatus Status, Direction? Direction,
    IndicatorForecast? Forecast, string? Commentary, string? Remedial, string? Owner, string? PortfolioHolder, string Link,
    string? UnitName)
    : PerformanceItem(PerformanceItemKind.Indicator, Indicator.Id, Indicator.Label, Indicator.UnitId, UnitName, Commentary, Remedial, Owner, PortfolioHolder, Link)
{
    /// <summary>How many of the indicator's periods running, ending with this one, it has been Red.</summary>
    public int RedPeriods { get; init; }

    /// <summary>The deadline its value had to be in by (the round's, else the organisation's rule).</summary>
    public DateOnly? Deadline { get; init; }

    public override string StatusText => IndicatorText.StatusText(Status);
}

/// <summary>An action in the period: its standing (<see cref="RollUpRules.StatusOf"/>), latest R/A/G, due month, forecast.</summary>
public sealed record PerformanceActionRow(
    int ActionId, int? PlanId, string? PlanTitle, string Title, ActionStatus? Status, Rag? Rag, Period? DueMonth, bool IsOverdue,
    ActionForecast? Forecast, string? Commentary, string? Remedial, string? Owner, string? PortfolioHolder, string Link,
    int? PlanUnitId, string? PlanUnitName)
    : PerformanceItem(PerformanceItemKind.Action, ActionId, Title, PlanUnitId, PlanUnitName, Commentary, Remedial, Owner, PortfolioHolder, Link)
{
    /// <summary>How long it has been overdue: whole months after its due month, as at the period's end (or today).</summary>
    public int? MonthsOverdue { get; init; }

    public override string StatusText => Status is { } s ? RollUpRules.Text(s) : "Cancelled";
}

/// <summary>A milestone in the period: its latest report up to the period, its month this year, and whether it is missed.</summary>
public sealed record PerformanceMilestoneRow(
    int MilestoneId, int? PlanId, string Title, MilestoneState? State, Period? DueMonth, bool IsMissed,
    string? Commentary, string? Remedial, string? Owner, string? PortfolioHolder, string Link, int? PlanUnitId, string? PlanUnitName)
    : PerformanceItem(PerformanceItemKind.Milestone, MilestoneId, Title, PlanUnitId, PlanUnitName, Commentary, Remedial, Owner, PortfolioHolder, Link)
{
    public Rag? Rag => State is { } s ? MilestoneRules.Rag(s) : null;

    public override string StatusText => IsMissed && State != MilestoneState.MissedOrLate ? "Missed"
        : State is { } s ? MilestoneRules.Text(s) : "Not reported";
}

/// <summary>
/// What <see cref="PerformanceQueries.RowsAsync"/> answers: the period, one row per item asked (in the order asked), the
/// roll-up of them all, and the settings the exceptions were found under.
/// </summary>
public sealed record PerformanceRows(
    Period Period, IReadOnlyList<PerformanceIndicatorRow> Indicators, IReadOnlyList<PerformanceActionRow> Actions,
    IReadOnlyList<PerformanceMilestoneRow> Milestones, PerformanceRollUp RollUp, ExceptionSettings Settings)
{
    /// <summary>Every row, indicators then actions then milestones.</summary>
    public IEnumerable<PerformanceItem> All => Indicators.Cast<PerformanceItem>().Concat(Actions).Concat(Milestones);

    /// <summary>The items with an exception of <paramref name="kind"/>, with that finding, in row order.</summary>
    public IReadOnlyList<(PerformanceItem Item, ExceptionFinding Finding)> ExceptionsOf(ExceptionKind kind) =>
        All.SelectMany(i => i.Exceptions.Where(e => e.Kind == kind).Select(e => (i, e))).ToList();

    /// <summary>How many exceptions there are of every kind reported.</summary>
    public int ExceptionCount => All.Sum(i => i.Exceptions.Count);
}
