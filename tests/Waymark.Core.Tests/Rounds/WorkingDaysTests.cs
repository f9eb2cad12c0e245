using Waymark.Core.Rounds;

namespace Waymark.Core.Tests.Rounds;

/// <summary>England and Wales bank holidays as GOV.UK publishes them, and counting working days past them.</summary>
public class WorkingDaysTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static IReadOnlyList<DateOnly> DatesOf(int year) => [.. WorkingDays.EnglandAndWales(year).Select(h => h.Date)];

    [Fact]
    public void Holidays2011_IncludeTheRoyalWeddingAndChristmasSubstitute()
    {
        Assert.Equal(
            [D(2011, 1, 3), D(2011, 4, 22), D(2011, 4, 25), D(2011, 4, 29), D(2011, 5, 2), D(2011, 5, 30), D(2011, 8, 29), D(2011, 12, 26), D(2011, 12, 27)],
            DatesOf(2011));
        Assert.Equal("Christmas Day (substitute day)", WorkingDays.EnglandAndWales(2011).Single(h => h.Date == D(2011, 12, 27)).Name);
    }

    [Fact]
    public void Holidays2012_MoveTheSpringHolidayForTheDiamondJubilee()
    {
        Assert.Equal(
            [D(2012, 1, 2), D(2012, 4, 6), D(2012, 4, 9), D(2012, 5, 7), D(2012, 6, 4), D(2012, 6, 5), D(2012, 8, 27), D(2012, 12, 25), D(2012, 12, 26)],
            DatesOf(2012));
    }

    [Fact]
    public void Holidays2020_MoveTheEarlyMayHolidayToVeDayAndBoxingDayToMonday()
    {
        Assert.Equal(
            [D(2020, 1, 1), D(2020, 4, 10), D(2020, 4, 13), D(2020, 5, 8), D(2020, 5, 25), D(2020, 8, 31), D(2020, 12, 25), D(2020, 12, 28)],
            DatesOf(2020));
    }

    [Fact]
    public void Holidays2022_HaveThePlatinumJubileeAndTheStateFuneral()
    {
        Assert.Equal(
            [D(2022, 1, 3), D(2022, 4, 15), D(2022, 4, 18), D(2022, 5, 2), D(2022, 6, 2), D(2022, 6, 3), D(2022, 8, 29), D(2022, 9, 19), D(2022, 12, 26), D(2022, 12, 27)],
            DatesOf(2022));
    }

    [Fact]
    public void Holidays2023_HaveTheCoronation()
    {
        Assert.Equal(
            [D(2023, 1, 2), D(2023, 4, 7), D(2023, 4, 10), D(2023, 5, 1), D(2023, 5, 8), D(2023, 5, 29), D(2023, 8, 28), D(2023, 12, 25), D(2023, 12, 26)],
            DatesOf(2023));
    }

    [Theory]
    [InlineData(2011, 4, 24)]
    [InlineData(2012, 4, 8)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_IsTheGregorianEaster(int year, int month, int day) =>
        Assert.Equal(D(year, month, day), WorkingDays.EasterSunday(year));

    [Fact]
    public void After_SkipsWeekendsAndTheNewYearSubstitute()
    {
        // Q3 2011/12 ends on Saturday 31 December 2011; Monday 2 January 2012 is the New Year substitute day.
        Assert.Equal(D(2012, 1, 16), WorkingDays.After(D(2011, 12, 31), 10, HolidayCalendar.EnglandAndWales));
        Assert.Equal(D(2012, 1, 3), WorkingDays.After(D(2011, 12, 31), 0, HolidayCalendar.EnglandAndWales));
    }

    [Fact]
    public void After_SkipsBothJubileeDays()
    {
        // Friday 1 June 2012 is the first working day after May; the 4th and 5th are holidays.
        Assert.Equal(D(2012, 6, 7), WorkingDays.After(D(2012, 5, 31), 3, HolidayCalendar.EnglandAndWales));
    }

    [Fact]
    public void OrganisationChanges_AddAndRemoveDays()
    {
        var closureDay = new HolidayCalendar([D(2012, 1, 3)], []);
        var worksTheSubstitute = new HolidayCalendar([], [D(2012, 1, 2)]);

        Assert.Equal(D(2012, 1, 17), WorkingDays.After(D(2011, 12, 31), 10, closureDay));
        Assert.Equal(D(2012, 1, 13), WorkingDays.After(D(2011, 12, 31), 10, worksTheSubstitute));
        Assert.True(closureDay.IsHoliday(D(2012, 1, 3)));
        Assert.False(worksTheSubstitute.IsHoliday(D(2012, 1, 2)));
    }

    [Fact]
    public void CalendarFromChanges_ReadsAddedAndRemovedDays()
    {
        var calendar = HolidayCalendar.For(
        [
            new BankHolidayChange { Date = D(2012, 1, 3), IsHoliday = true, Name = "Council closure day" },
            new BankHolidayChange { Date = D(2012, 1, 2), IsHoliday = false },
        ]);

        Assert.True(calendar.IsWorkingDay(D(2012, 1, 2)));
        Assert.False(calendar.IsWorkingDay(D(2012, 1, 3)));
        Assert.False(calendar.IsWorkingDay(D(2012, 1, 7)));
    }

    [Fact]
    public void Between_CountsWorkingDaysAfterTheFirstDate()
    {
        Assert.Equal(5, WorkingDays.Between(D(2012, 1, 16), D(2012, 1, 23), HolidayCalendar.EnglandAndWales));
        Assert.Equal(0, WorkingDays.Between(D(2012, 1, 16), D(2012, 1, 16), HolidayCalendar.EnglandAndWales));
        Assert.Equal(0, WorkingDays.Between(D(2012, 1, 16), D(2012, 1, 10), HolidayCalendar.EnglandAndWales));
    }
}
