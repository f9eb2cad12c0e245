using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>
/// The action rules of DESIGN.md §3, in one place: when an action is Overdue, and when it may be assessed Green.
/// Plain functions: no database, no clock (the caller passes "today").
/// </summary>
public static partial class ActionRules
{
    /// <summary>
    /// Overdue: past its due month and not completed (or cancelled), whatever its R/A/G. The due month is the latest
    /// revision, else the original; an action due "Mar 10" is overdue from 1 April 2010. Open-ended actions ("Ongoing")
    /// have no due month and are never overdue.
    /// </summary>
    public static bool IsOverdue(Period? dueMonth, ActionState state, DateOnly today) =>
        dueMonth is { } due && state is not (ActionState.Completed or ActionState.Cancelled) && today > due.End;

    /// <summary>Whether the action (its effective due month) is overdue on <paramref name="today"/>.</summary>
    public static bool IsOverdue(PlanAction action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        return IsOverdue(action.EffectiveDueMonth, action.State, today);
    }

    /// <summary>
    /// An overdue action cannot be assessed Green until its due date is revised (and the revision is recorded): Green
    /// means "completed, or on track to meet the completion date", which an action past that date cannot be.
    /// Null when allowed; otherwise the reason, to show beside the R/A/G field.
    /// </summary>
    public static string? WhyNotGreen(PlanAction action, DateOnly today, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(action);
        return IsOverdue(action, today)
            ? $"This action was due by {action.EffectiveDueMonth!.Value.Format(yearStartMonth)} and is not completed, so it is overdue: "
              + "it cannot be assessed Green until its due date is revised. Revise the due date, or choose Amber or Red"
            : null;
    }

    /// <summary>
    /// Whether the action still needs this quarter's update: it is open (not completed or cancelled) and has none for the
    /// quarter yet. "My actions" lists such actions for their leads.
    /// </summary>
    public static bool NeedsUpdate(ActionState state, bool hasUpdateThisQuarter) =>
        !hasUpdateThisQuarter && state is not (ActionState.Completed or ActionState.Cancelled);

    /// <summary>The quarters of a plan's years, in order (a plan for 2011/12: Q1 to Q4 2011/12).</summary>
    public static IReadOnlyList<Period> QuartersOf(Plan plan, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var quarters = new List<Period>();
        for (var year = plan.StartYear; year <= plan.EndYear; year = year.Next())
        {
            quarters.AddRange(Period.QuartersOf(year, yearStartMonth));
        }

        return quarters;
    }

    /// <summary>
    /// The quarters progress may be recorded for on a plan, newest first: those of its years that have begun by
    /// <paramref name="today"/> (the organisation's today), so a 2011/12 plan offers Q4 2011/12 once January 2012 comes.
    /// </summary>
    public static IReadOnlyList<Period> RecordableQuarters(Plan plan, int yearStartMonth, DateOnly today) =>
        QuartersOf(plan, yearStartMonth).Where(q => q.Start <= today).Reverse().ToList();

    /// <summary>
    /// The year whose Q1–Q4 progress a plan shows: the plan's year containing <paramref name="today"/>, else its first year
    /// (not begun) or its last (ended).
    /// </summary>
    public static Period ProgressYear(Plan plan, int yearStartMonth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var year = Period.FinancialYearContaining(today, yearStartMonth);
        return year < plan.StartYear ? plan.StartYear : year > plan.EndYear ? plan.EndYear : year;
    }

    /// <summary>Null when the quarter is one of the plan's; otherwise why an update cannot be recorded for it.</summary>
    public static string? WhyNotQuarterOf(Plan plan, Period quarter, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var quarters = QuartersOf(plan, yearStartMonth);
        return quarters.Contains(quarter)
            ? null
            : $"{quarter.Format(yearStartMonth)} is not in this plan's years: choose a quarter from {quarters[0].Format(yearStartMonth)} to {quarters[^1].Format(yearStartMonth)}";
    }

    /// <summary>The words for R/A/G, never colour alone.</summary>
    public static string Text(Rag rag) => rag switch
    {
        Rag.Red => "Red",
        Rag.Amber => "Amber",
        Rag.Green => "Green",
        _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, "Unknown R/A/G."),
    };

    /// <summary>A status as the plans write it: "Not commenced", "On going", "Complete".</summary>
    public static string Text(ProgressStatus status) => status switch
    {
        ProgressStatus.NotCommenced => "Not commenced",
        ProgressStatus.OnGoing => "On going",
        ProgressStatus.Complete => "Complete",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>What an update says of the action: its R/A/G, else its status, else "Not assessed".</summary>
    public static string Assessment(ActionUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update.Rag is { } rag ? Text(rag) : update.Status is { } status ? Text(status) : "Not assessed";
    }

    public static string Text(ActionState state) => state switch
    {
        ActionState.NotStarted => "Not started",
        ActionState.InProgress => "In progress",
        ActionState.Completed => "Completed",
        ActionState.Deferred => "Deferred",
        ActionState.Cancelled => "Cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown state."),
    };

    /// <summary>
    /// Reads a month as plans write it ("Mar 10", "March 2010", "May 09", "2010-03"); null for open-ended or other text
    /// ("Ongoing", "From Apr 09" gives April 2009, "As set out under actions" gives null).
    /// </summary>
    public static Period? MonthOf(string? text, int yearStartMonth)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        foreach (var prefix in new[] { "from ", "by ", "up to ", "end of ", "end ", "until " })
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[prefix.Length..].Trim();
            }
        }

        // A day before the month counts for nothing here: "31st March 2012" is due in March 2012.
        t = LeadingDay().Replace(t, "");

        // A range of months is due by its last: "Jan-Feb 09", "March – April 09".
        var range = t.Split(['–', '-'], 2);
        if (range.Length == 2 && range[1].Trim().Length > 0 && !char.IsDigit(range[1].Trim()[0]))
        {
            t = range[1].Trim();
        }

        t = t.Replace("Sept ", "Sep ", StringComparison.OrdinalIgnoreCase);
        return Month(t, yearStartMonth) ?? Month(string.Join(' ', t.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Take(2)), yearStartMonth);
    }

    private static Period? Month(string text, int yearStartMonth) =>
        PeriodText.Parse(text, yearStartMonth) is { Kind: PeriodTextKind.Period, Period: { Kind: PeriodKind.Month } month } ? month : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}(st|nd|rd|th)?\s+", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LeadingDay();
}
