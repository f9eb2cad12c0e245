using Waymark.Core.Messages;

namespace Waymark.Core.Tests.Messages;

/// <summary>
/// Who is told what today: before the deadline, on it, every few working days while overdue, and escalation to the
/// manager and the director — in working days, skipping weekends and bank holidays.
/// </summary>
public class ReminderRulesTests
{
    // Friday 20 January 2012 is the deadline in these examples; Monday 30 January 2012 is a (made-up) bank holiday.
    private static readonly DateOnly Deadline = new(2012, 1, 20);
    private static readonly DateOnly BankHoliday = new(2012, 1, 30);

    private static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && day != BankHoliday;

    private static OutstandingReturn Return(int owner, int? manager = 20, int? director = 30, int id = 1) =>
        new(id, "Q3 2011/12", owner, $"Owner {owner}", Deadline, manager, director, $"/org/returns/{id}", ["NI 4, Q3 2011/12"]);

    private static IReadOnlyList<PlannedReminder> Plan(DateOnly today, params OutstandingReturn[] returns) =>
        ReminderRules.Plan(today, returns, ReminderSchedule.Default, IsWorkingDay);

    [Theory]
    [InlineData("2012-01-20", 0)]
    [InlineData("2012-01-23", 1)] // Monday after the Friday deadline
    [InlineData("2012-01-06", -10)] // two working weeks before
    [InlineData("2012-01-31", 6)] // Mon 23 … Fri 27, then Mon 30 (bank holiday) skipped, Tue 31
    public void WorkingDaysOverdue_CountsWorkingDaysOnly(string today, int expected) =>
        Assert.Equal(expected, ReminderRules.WorkingDaysOverdue(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Deadline, IsWorkingDay));

    [Fact]
    public void TenWorkingDaysBefore_TheOwnerIsReminded_AndNobodyElse()
    {
        var plan = Plan(new DateOnly(2012, 1, 6), Return(10));

        var only = Assert.Single(plan);
        Assert.Equal(10, only.PersonId);
        Assert.Equal(NoticeKind.Reminder, only.Kind);
        Assert.Equal(ReminderReason.BeforeDeadline, Assert.Single(only.Own).Reason);
        Assert.Empty(only.Escalated);
    }

    [Fact]
    public void BetweenTheReminderDays_NothingIsSent()
    {
        Assert.Empty(Plan(new DateOnly(2012, 1, 9), Return(10)));
        Assert.Empty(Plan(new DateOnly(2012, 1, 19), Return(10)));
        Assert.Empty(Plan(new DateOnly(2012, 1, 24), Return(10)));
    }

    [Fact]
    public void OnTheDeadline_TheOwnerIsReminded() =>
        Assert.Equal(ReminderReason.OnDeadline, Assert.Single(Assert.Single(Plan(Deadline, Return(10))).Own).Reason);

    [Fact]
    public void WhileOverdue_EveryThreeWorkingDays_SkippingTheBankHoliday()
    {
        var days = Enumerable.Range(1, 20).Select(d => Deadline.AddDays(d))
            .Where(d => Plan(d, Return(10, manager: null, director: null)).Count > 0).ToList();

        // 3, 6, 9 and 12 working days overdue: Wed 25 Jan, Tue 31 Jan (after the bank holiday), Fri 3 Feb, Wed 8 Feb.
        Assert.Equal([new DateOnly(2012, 1, 25), new DateOnly(2012, 1, 31), new DateOnly(2012, 2, 3), new DateOnly(2012, 2, 8)], days);
    }

    [Fact]
    public void FiveWorkingDaysOverdue_TheManagerIsTold_TenTheDirectorToo()
    {
        // Five working days overdue: Mon 30 Jan is a bank holiday, so Tue 31 Jan is six; Fri 27 Jan is five.
        var atFive = Plan(new DateOnly(2012, 1, 27), Return(10));
        // Ten working days overdue: Mon 6 Feb (Tue 31 = 6, Wed 1 = 7, Thu 2 = 8, Fri 3 = 9, Mon 6 = 10).
        var atTen = Plan(new DateOnly(2012, 2, 6), Return(10));

        var manager = Assert.Single(atFive);
        Assert.Equal(20, manager.PersonId);
        Assert.Equal(NoticeKind.Escalation, manager.Kind);
        Assert.Equal(ReminderReason.EscalatedToManager, Assert.Single(manager.Escalated).Reason);
        // At ten the manager's next day is not due (5, 8, 11…); the director is told.
        var director = Assert.Single(atTen);
        Assert.Equal(30, director.PersonId);
        Assert.Equal(ReminderReason.EscalatedToDirector, Assert.Single(director.Escalated).Reason);
    }

    [Fact]
    public void OnePersonOneMessage_ListingTheirOwnAndWhatIsEscalatedToThem()
    {
        // Person 20 has their own return due today (on its deadline) and manages an owner five working days overdue.
        var own = Return(20, manager: 30, director: null, id: 2);
        var late = Return(10, id: 3) with { Deadline = new DateOnly(2012, 1, 13) };

        var plan = Plan(Deadline, own, late);

        var manager = Assert.Single(plan, p => p.PersonId == 20);
        Assert.Equal(NoticeKind.Reminder, manager.Kind);
        Assert.Equal(2, Assert.Single(manager.Own).Return.ReturnId);
        Assert.Equal(3, Assert.Single(manager.Escalated).Return.ReturnId);
        // The late owner's own reminders fall on 3, 6, 9… working days overdue, not on the fifth.
        Assert.DoesNotContain(plan, p => p.PersonId == 10);
    }

    [Fact]
    public void NothingDue_OrNotAWorkingDay_NothingIsSent()
    {
        Assert.Empty(Plan(Deadline));
        Assert.Empty(Plan(new DateOnly(2012, 1, 21), Return(10) with { Deadline = new DateOnly(2012, 1, 21) }));
        Assert.Empty(Plan(BankHoliday, Return(10) with { Deadline = BankHoliday }));
    }

    [Fact]
    public void AManagerWhoIsTheOwner_IsNotToldOfTheirOwnReturn()
    {
        var plan = Plan(new DateOnly(2012, 1, 27), Return(10, manager: 10, director: 10));

        Assert.Empty(plan);
    }

    [Fact]
    public void ClosingSoon_ThreeWorkingDaysBefore_TellsEachOwnerOnceWithAllTheirReturns()
    {
        // Tuesday 17 January 2012 is three working days before Friday 20 January.
        var today = new DateOnly(2012, 1, 17);
        var returns = new[] { Return(10, id: 1), Return(10, id: 2), Return(11, id: 3) };

        var soon = ReminderRules.ClosingSoon(today, returns, 3, Plan(today, returns), IsWorkingDay);

        Assert.Equal([10, 11], soon.Select(s => s.PersonId));
        Assert.Equal(2, soon[0].Returns.Count);
    }

    [Fact]
    public void ClosingSoon_IsNotSent_OnOtherDays_WhenSwitchedOff_OrToAnOwnerRemindedThatDay()
    {
        var returns = new[] { Return(10) };
        var tenBefore = new DateOnly(2012, 1, 6);

        Assert.Empty(ReminderRules.ClosingSoon(new DateOnly(2012, 1, 18), returns, 3, [], IsWorkingDay));
        Assert.Empty(ReminderRules.ClosingSoon(new DateOnly(2012, 1, 17), returns, 0, [], IsWorkingDay));
        Assert.Empty(ReminderRules.ClosingSoon(new DateOnly(2012, 1, 14), returns, 5, [], IsWorkingDay));
        Assert.Empty(ReminderRules.ClosingSoon(tenBefore, returns, 10, Plan(tenBefore, returns), IsWorkingDay));
    }
}
