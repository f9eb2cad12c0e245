using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Rounds;

/// <summary>Whether a round is still taking returns.</summary>
public enum RoundState
{
    Open = 0,
    Closed = 1,
}

/// <summary>A round's two deadlines: owners' returns first, managers' sign-off after.</summary>
public sealed record RoundDeadlines(DateOnly Returns, DateOnly SignOff);

/// <summary>
/// The rules of a monitoring round: cascading deadlines in working days, whether it is open or closed on a day (closing
/// by itself is computed, so nothing has to run at midnight), and whether a return was on time or is overdue.
/// </summary>
public static class RoundRules
{
    /// <summary>
    /// Returns are due <paramref name="returnsWorkingDays"/> working days after the period ends; sign-off
    /// <paramref name="signOffWorkingDays"/> working days after that.
    /// </summary>
    public static RoundDeadlines Deadlines(Period period, int returnsWorkingDays, int signOffWorkingDays, HolidayCalendar calendar)
    {
        var returns = WorkingDays.After(period.End, returnsWorkingDays, calendar);
        return new RoundDeadlines(returns, WorkingDays.After(returns, signOffWorkingDays, calendar));
    }

    /// <summary>The deadlines an organisation's settings give a period.</summary>
    public static RoundDeadlines DefaultDeadlines(Organisation organisation, Period period, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return Deadlines(period, organisation.ReturnsWorkingDays, organisation.SignOffWorkingDays, calendar);
    }

    /// <summary>
    /// The period a new round would normally cover on <paramref name="today"/>: the last whole period of the kind that
    /// ended before today (the quarter just ended, by default).
    /// </summary>
    public static Period PeriodJustEnded(DateOnly today, PeriodKind kind, int yearStartMonth) => kind switch
    {
        PeriodKind.Month => Period.Month(today.Year, today.Month).Previous(),
        PeriodKind.Year => Period.FinancialYearContaining(today, yearStartMonth).Previous(),
        _ => Period.QuarterContaining(today, yearStartMonth).Previous(),
    };

    /// <summary>The last day the round is open by itself: the sign-off deadline plus the auto-close days; empty when it
    /// closes only when a person closes it.</summary>
    public static DateOnly? AutoClosesAfter(MonitoringRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.AutoCloseDays is { } days ? round.SignOffDeadline.AddDays(days) : null;
    }

    /// <summary>
    /// Closed when a person closed it, or when <paramref name="today"/> is past the sign-off deadline plus the auto-close
    /// days. The period lock reads this: a closed round's period is locked.
    /// </summary>
    public static bool IsClosed(MonitoringRound round, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.ClosedAt is not null || (AutoClosesAfter(round) is { } last && today > last);
    }

    public static RoundState State(MonitoringRound round, DateOnly today) => IsClosed(round, today) ? RoundState.Closed : RoundState.Open;

    /// <summary>The day a round closed: the day a person closed it, else the day after it auto-closed; empty while open.</summary>
    public static DateOnly? ClosedOn(MonitoringRound round, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (round.ClosedAt is not null)
        {
            return round.ClosedOn ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(round.ClosedAt.Value, UkCalendar.Zone).DateTime);
        }

        return IsClosed(round, today) ? AutoClosesAfter(round)!.Value.AddDays(1) : null;
    }

    /// <summary>The last day a return counts as on time: the returns deadline plus the grace days.</summary>
    public static DateOnly OnTimeBy(MonitoringRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.ReturnsDeadline.AddDays(Math.Max(0, round.GraceDays));
    }

    /// <summary>Whether a return was first submitted by the returns deadline plus grace.</summary>
    public static bool IsOnTime(MonitoringRound round, DateOnly? firstSubmittedOn) =>
        firstSubmittedOn is { } on && on <= OnTimeBy(round);

    public static bool IsOnTime(MonitoringRound round, RoundReturn @return)
    {
        ArgumentNullException.ThrowIfNull(@return);
        return IsOnTime(round, @return.FirstSubmittedOn);
    }

    /// <summary>Whether the owner has submitted the return at least once (it was received, even if since returned).</summary>
    public static bool IsReceived(ReturnState state, DateOnly? firstSubmittedOn) =>
        firstSubmittedOn is not null || state is ReturnState.Submitted or ReturnState.SignedOff;

    public static bool IsReceived(RoundReturn @return)
    {
        ArgumentNullException.ThrowIfNull(@return);
        return IsReceived(@return.State, @return.FirstSubmittedOn);
    }

    /// <summary>Whether the return waits on its owner: not started, in progress, or returned with a note.</summary>
    public static bool IsWithOwner(ReturnState state) =>
        state is ReturnState.NotStarted or ReturnState.InProgress or ReturnState.Returned;

    /// <summary>
    /// Calendar days past the returns deadline for a return still with its owner (0 when not overdue, or submitted).
    /// Grace does not stop the count: it decides only what counts as on time.
    /// </summary>
    public static int DaysOverdue(MonitoringRound round, ReturnState state, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        return IsWithOwner(state) && today > round.ReturnsDeadline ? today.DayNumber - round.ReturnsDeadline.DayNumber : 0;
    }

    public static int DaysOverdue(MonitoringRound round, RoundReturn @return, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(@return);
        return DaysOverdue(round, @return.State, today);
    }

    /// <summary>Working days past the returns deadline for a return still with its owner (escalation counts these).</summary>
    public static int WorkingDaysOverdue(MonitoringRound round, RoundReturn @return, DateOnly today, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(@return);
        return IsWithOwner(@return.State) ? WorkingDays.Between(round.ReturnsDeadline, today, calendar) : 0;
    }

    /// <summary>Calendar days past the sign-off deadline for a submitted return not yet signed off (0 otherwise).</summary>
    public static int SignOffDaysOverdue(MonitoringRound round, RoundReturn @return, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(@return);
        return @return.State == ReturnState.Submitted && today > round.SignOffDeadline ? today.DayNumber - round.SignOffDeadline.DayNumber : 0;
    }
}
