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

    /// <summary>The words for R/A/G, never colour alone.</summary>
    public static string Text(Rag rag) => rag switch
    {
        Rag.Red => "Red",
        Rag.Amber => "Amber",
        Rag.Green => "Green",
        _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, "Unknown R/A/G."),
    };

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
