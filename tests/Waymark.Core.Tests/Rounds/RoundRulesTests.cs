using Waymark.Core.Periods;
using Waymark.Core.Rounds;

namespace Waymark.Core.Tests.Rounds;

public class RoundRulesTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly Period Q3 = Period.Quarter(2011, 3, 4);

    private static MonitoringRound Round(int grace = 0, int? autoClose = null) => new()
    {
        Period = Q3, OpenedByName = "Alex Morgan", ReturnsDeadline = D(2012, 1, 16), SignOffDeadline = D(2012, 1, 23), GraceDays = grace, AutoCloseDays = autoClose,
    };

    [Fact]
    public void Deadlines_CascadeFromThePeriodEnd()
    {
        var deadlines = RoundRules.Deadlines(Q3, 10, 5, HolidayCalendar.EnglandAndWales);

        Assert.Equal(new RoundDeadlines(D(2012, 1, 16), D(2012, 1, 23)), deadlines);
    }

    [Fact]
    public void Deadlines_SkipGoodFridayAndEasterMonday()
    {
        // Q4 2011/12 ends on Saturday 31 March 2012; Easter fell on 8 April.
        var deadlines = RoundRules.Deadlines(Period.Quarter(2011, 4, 4), 10, 5, HolidayCalendar.EnglandAndWales);

        Assert.Equal(new RoundDeadlines(D(2012, 4, 17), D(2012, 4, 24)), deadlines);
    }

    [Fact]
    public void Deadlines_SkipChristmasBoxingDayAndNewYear()
    {
        var deadlines = RoundRules.Deadlines(Period.Month(2011, 11), 17, 5, HolidayCalendar.EnglandAndWales);

        Assert.Equal(D(2011, 12, 23), deadlines.Returns);
        Assert.Equal(D(2012, 1, 4), deadlines.SignOff);
    }

    [Theory]
    [InlineData(PeriodKind.Quarter, "Q2011-10")]
    [InlineData(PeriodKind.Month, "M2011-12")]
    [InlineData(PeriodKind.Year, "Y2010-04")]
    public void PeriodJustEnded_IsTheLastWholePeriodBeforeToday(PeriodKind kind, string expected) =>
        Assert.Equal(expected, RoundRules.PeriodJustEnded(D(2012, 1, 16), kind, 4).Code);

    [Fact]
    public void Round_ClosesByItselfTheDayAfterItsAutoCloseDays()
    {
        var round = Round(autoClose: 10);

        Assert.Equal(D(2012, 2, 2), RoundRules.AutoClosesAfter(round));
        Assert.Equal(RoundState.Open, RoundRules.State(round, D(2012, 2, 2)));
        Assert.Equal(RoundState.Closed, RoundRules.State(round, D(2012, 2, 3)));
        Assert.Equal(D(2012, 2, 3), RoundRules.ClosedOn(round, D(2012, 3, 1)));
    }

    [Fact]
    public void Round_WithoutAutoClose_StaysOpenUntilAPersonClosesIt()
    {
        var round = Round();
        Assert.False(RoundRules.IsClosed(round, D(2013, 1, 1)));
        Assert.Null(RoundRules.ClosedOn(round, D(2013, 1, 1)));

        round.ClosedAt = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        round.ClosedOn = D(2012, 1, 20);

        Assert.True(RoundRules.IsClosed(round, D(2012, 1, 20)));
        Assert.Equal(D(2012, 1, 20), RoundRules.ClosedOn(round, D(2012, 1, 25)));
    }

    [Fact]
    public void OnTime_CountsTheGraceDaysAndTheFirstSubmission()
    {
        var round = Round(grace: 2);

        Assert.Equal(D(2012, 1, 18), RoundRules.OnTimeBy(round));
        Assert.True(RoundRules.IsOnTime(round, D(2012, 1, 18)));
        Assert.False(RoundRules.IsOnTime(round, D(2012, 1, 19)));
        Assert.False(RoundRules.IsOnTime(round, (DateOnly?)null));
    }

    [Fact]
    public void DaysOverdue_CountsOnlyReturnsStillWithTheirOwner()
    {
        var round = Round(grace: 2);

        Assert.Equal(4, RoundRules.DaysOverdue(round, ReturnState.NotStarted, D(2012, 1, 20)));
        Assert.Equal(4, RoundRules.DaysOverdue(round, ReturnState.Returned, D(2012, 1, 20)));
        Assert.Equal(0, RoundRules.DaysOverdue(round, ReturnState.Submitted, D(2012, 1, 20)));
        Assert.Equal(0, RoundRules.DaysOverdue(round, ReturnState.InProgress, D(2012, 1, 16)));
        Assert.Equal(4, RoundRules.WorkingDaysOverdue(round, new RoundReturn { State = ReturnState.InProgress }, D(2012, 1, 20), HolidayCalendar.EnglandAndWales));
    }

    [Fact]
    public void Received_IsSubmittedAtLeastOnce()
    {
        Assert.True(RoundRules.IsReceived(ReturnState.Returned, D(2012, 1, 14)));
        Assert.True(RoundRules.IsReceived(ReturnState.SignedOff, null));
        Assert.False(RoundRules.IsReceived(ReturnState.InProgress, null));
    }

    [Fact]
    public void Completeness_CountsReturnsAndValuesPerRoundUnitAndOwner()
    {
        var round = Round(grace: 2);
        ReturnFacts[] returns =
        [
            new(1, 11, "Sam Taylor", 100, ReturnState.SignedOff, D(2012, 1, 14), false),
            new(2, 12, "Jo Patel", 100, ReturnState.Submitted, D(2012, 1, 18), false),
            new(3, 13, "Kim Lee", 200, ReturnState.Returned, D(2012, 1, 19), true),
            new(4, 14, "Ray Cole", 200, ReturnState.NotStarted, null, false),
        ];
        ValueItemFacts[] values =
        [
            new(1, 100, HasValue: true, HasCommentary: true, IsVerified: true),
            new(1, 100, HasValue: true, HasCommentary: false, IsVerified: false),
            new(3, 200, HasValue: true, HasCommentary: true, IsVerified: false),
            new(4, 200, HasValue: false, HasCommentary: false, IsVerified: false),
        ];

        var whole = RoundCompleteness.Of(round, returns, values);
        var byUnit = RoundCompleteness.ByUnit(round, returns, values).ToDictionary(u => u.UnitId!.Value, u => u.Completeness);
        var byOwner = RoundCompleteness.ByOwner(round, returns, values, D(2012, 1, 20)).ToDictionary(o => o.Return.PersonName);

        Assert.Equal(new Completeness(4, 3, 2, 1, 4, 3, 2, 1), whole);
        Assert.Equal(75, whole.PercentReceived);
        Assert.Equal(66, whole.PercentWithCommentary);
        Assert.Equal(new Completeness(2, 2, 2, 1, 2, 2, 1, 1), byUnit[100]);
        Assert.Equal(100, byUnit[100].PercentReceived);
        Assert.Equal(new Completeness(2, 1, 0, 0, 2, 1, 1, 0), byUnit[200]);
        Assert.True(byOwner["Jo Patel"].OnTime);
        Assert.False(byOwner["Kim Lee"].OnTime);
        Assert.Equal(4, byOwner["Kim Lee"].DaysOverdue);
        Assert.Equal(4, byOwner["Ray Cole"].DaysOverdue);
        Assert.Equal(0, byOwner["Jo Patel"].DaysOverdue);
        Assert.Equal(2, byOwner["Sam Taylor"].Completeness.ValuesGiven);
    }

    [Fact]
    public void Completeness_OfNothing_HasNoPercent()
    {
        Assert.Null(Completeness.None.PercentReceived);
        Assert.Equal(0, RoundCompleteness.Percent(0, 3));
        Assert.Equal(33, RoundCompleteness.Percent(1, 3));
    }
}
