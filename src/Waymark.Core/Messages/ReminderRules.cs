using Waymark.Core.Organisations;

namespace Waymark.Core.Messages;

/// <summary>An organisation's reminder and escalation schedule, in working days.</summary>
public sealed record ReminderSchedule(int DaysBefore, int RepeatDays, int ManagerDays, int DirectorDays)
{
    public static ReminderSchedule Default { get; } = new(
        Organisation.DefaultReminderDaysBefore, Organisation.DefaultReminderRepeatDays,
        Organisation.DefaultEscalateToManagerDays, Organisation.DefaultEscalateToDirectorDays);

    public static ReminderSchedule Of(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new(organisation.ReminderDaysBefore, organisation.ReminderRepeatDays, organisation.EscalateToManagerDays, organisation.EscalateToDirectorDays);
    }
}

/// <summary>
/// One owner's return that is not submitted yet: what is in it, when it is due, and who is told when it is late (the
/// head of the owner's unit; the head of the top unit above it).
/// </summary>
public sealed record OutstandingReturn(
    int ReturnId, string RoundName, int OwnerPersonId, string OwnerName, DateOnly Deadline,
    int? ManagerPersonId, int? DirectorPersonId, string Link, IReadOnlyList<string> Items);

/// <summary>Why a return is in today's messages.</summary>
public enum ReminderReason
{
    BeforeDeadline = 0,
    OnDeadline = 1,
    Overdue = 2,
    EscalatedToManager = 3,
    EscalatedToDirector = 4,
}

/// <summary>A return in a person's message today, and why.</summary>
public sealed record DueLine(OutstandingReturn Return, ReminderReason Reason, int WorkingDaysOverdue);

/// <summary>
/// Today's message to one person: their own returns being reminded, and others' overdue returns escalated to them. At
/// most one a person a day.
/// </summary>
public sealed record PlannedReminder(int PersonId, IReadOnlyList<DueLine> Own, IReadOnlyList<DueLine> Escalated)
{
    /// <summary>A reminder when they have something of their own due; an escalation when they have only others'.</summary>
    public NoticeKind Kind => Own.Count > 0 ? NoticeKind.Reminder : NoticeKind.Escalation;
}

/// <summary>Owners told today that a round closes soon, with their returns not yet submitted.</summary>
public sealed record ClosingSoonNotice(int PersonId, IReadOnlyList<OutstandingReturn> Returns);

/// <summary>
/// Who is told what today: a plain function of the date, the outstanding returns and the schedule. A reminder goes
/// exactly <see cref="ReminderSchedule.DaysBefore"/> working days before the deadline, on the deadline, then every
/// <see cref="ReminderSchedule.RepeatDays"/> working days while overdue. From <see cref="ReminderSchedule.ManagerDays"/>
/// working days overdue the owner's manager is told on the same days, and from
/// <see cref="ReminderSchedule.DirectorDays"/> the director too. Nothing is sent on a day that is not a working day,
/// nor when nothing is due.
/// </summary>
public static class ReminderRules
{
    /// <summary>
    /// Working days from <paramref name="deadline"/> to <paramref name="today"/>: positive when overdue (the working days
    /// after the deadline up to today), negative before it, 0 on the day.
    /// </summary>
    public static int WorkingDaysOverdue(DateOnly today, DateOnly deadline, Func<DateOnly, bool> isWorkingDay)
    {
        ArgumentNullException.ThrowIfNull(isWorkingDay);
        var (from, to, sign) = today >= deadline ? (deadline, today, 1) : (today, deadline, -1);
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (isWorkingDay(day))
            {
                days++;
            }
        }

        return sign * days;
    }

    /// <summary>Why the owner is reminded of this return today, or null when not today.</summary>
    public static ReminderReason? OwnerReminder(int overdue, ReminderSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return overdue switch
        {
            0 => ReminderReason.OnDeadline,
            < 0 when -overdue == schedule.DaysBefore => ReminderReason.BeforeDeadline,
            > 0 when overdue % Math.Max(1, schedule.RepeatDays) == 0 => ReminderReason.Overdue,
            _ => null,
        };
    }

    /// <summary>Whether someone above the owner is told today: on the first day they are due, then with each reminder after.</summary>
    public static bool Escalates(int overdue, int fromDays, ReminderSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return overdue >= fromDays && (overdue - fromDays) % Math.Max(1, schedule.RepeatDays) == 0;
    }

    /// <summary>Today's messages, one a person at most, in person order.</summary>
    public static IReadOnlyList<PlannedReminder> Plan(DateOnly today, IEnumerable<OutstandingReturn> outstanding, ReminderSchedule schedule,
        Func<DateOnly, bool> isWorkingDay)
    {
        ArgumentNullException.ThrowIfNull(outstanding);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(isWorkingDay);
        if (!isWorkingDay(today))
        {
            return [];
        }

        var own = new Dictionary<int, List<DueLine>>();
        var escalated = new Dictionary<int, List<DueLine>>();
        foreach (var item in outstanding)
        {
            var overdue = WorkingDaysOverdue(today, item.Deadline, isWorkingDay);
            if (OwnerReminder(overdue, schedule) is { } reason)
            {
                Add(own, item.OwnerPersonId, new DueLine(item, reason, overdue));
            }

            if (item.ManagerPersonId is { } manager && manager != item.OwnerPersonId && Escalates(overdue, schedule.ManagerDays, schedule))
            {
                Add(escalated, manager, new DueLine(item, ReminderReason.EscalatedToManager, overdue));
            }

            if (item.DirectorPersonId is { } director && director != item.OwnerPersonId && director != item.ManagerPersonId
                && Escalates(overdue, schedule.DirectorDays, schedule))
            {
                Add(escalated, director, new DueLine(item, ReminderReason.EscalatedToDirector, overdue));
            }
        }

        return own.Keys.Union(escalated.Keys).Order()
            .Select(p => new PlannedReminder(p, own.GetValueOrDefault(p) ?? [], escalated.GetValueOrDefault(p) ?? []))
            .ToList();
    }

    /// <summary>
    /// "Round closing soon" today: to each owner with a return still to submit whose deadline is exactly
    /// <paramref name="days"/> working days away (0: never), unless they already have a reminder today — one message a
    /// person a day. Nothing on a day that is not a working day.
    /// </summary>
    public static IReadOnlyList<ClosingSoonNotice> ClosingSoon(DateOnly today, IEnumerable<OutstandingReturn> outstanding, int days,
        IReadOnlyCollection<PlannedReminder> planned, Func<DateOnly, bool> isWorkingDay)
    {
        ArgumentNullException.ThrowIfNull(outstanding);
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(isWorkingDay);
        if (days <= 0 || !isWorkingDay(today))
        {
            return [];
        }

        var reminded = planned.Select(p => p.PersonId).ToHashSet();
        return [.. outstanding.Where(o => !reminded.Contains(o.OwnerPersonId) && WorkingDaysOverdue(today, o.Deadline, isWorkingDay) == -days)
            .GroupBy(o => o.OwnerPersonId).OrderBy(g => g.Key).Select(g => new ClosingSoonNotice(g.Key, [.. g]))];
    }

    private static void Add(Dictionary<int, List<DueLine>> lines, int person, DueLine line)
    {
        if (!lines.TryGetValue(person, out var list))
        {
            lines[person] = list = [];
        }

        list.Add(line);
    }
}
