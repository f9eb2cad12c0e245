using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Periods;

public class PeriodTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData(2009, 5, "2009-05-01", "2009-05-31")]
    [InlineData(2012, 2, "2012-02-01", "2012-02-29")]
    [InlineData(2010, 2, "2010-02-01", "2010-02-28")]
    [InlineData(2009, 12, "2009-12-01", "2009-12-31")]
    public void Month_StartsOnFirstDayAndEndsOnLastDay(int year, int month, string start, string end)
    {
        var p = Period.Month(year, month);

        Assert.Equal(PeriodKind.Month, p.Kind);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), p.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), p.End);
        Assert.Equal(1, p.LengthInMonths);
    }

    [Fact]
    public void FinancialYear_AprilStart_RunsAprilToMarch()
    {
        var p = Period.FinancialYear(2009, 4);

        Assert.Equal(PeriodKind.Year, p.Kind);
        Assert.Equal(D(2009, 4, 1), p.Start);
        Assert.Equal(D(2010, 3, 31), p.End);
        Assert.Equal(12, p.LengthInMonths);
    }

    [Fact]
    public void FinancialYear_JanuaryStart_IsTheCalendarYear()
    {
        var p = Period.FinancialYear(2009, 1);

        Assert.Equal(D(2009, 1, 1), p.Start);
        Assert.Equal(D(2009, 12, 31), p.End);
    }

    [Theory]
    [InlineData(2011, 1, 4, "2011-04-01", "2011-06-30")]
    [InlineData(2011, 2, 4, "2011-07-01", "2011-09-30")]
    [InlineData(2011, 3, 4, "2011-10-01", "2011-12-31")]
    [InlineData(2011, 4, 4, "2012-01-01", "2012-03-31")]
    [InlineData(2011, 1, 1, "2011-01-01", "2011-03-31")]
    [InlineData(2011, 2, 1, "2011-04-01", "2011-06-30")]
    [InlineData(2011, 4, 1, "2011-10-01", "2011-12-31")]
    [InlineData(2011, 3, 7, "2012-01-01", "2012-03-31")]
    public void Quarter_CountsFromTheYearStart(int fyStartYear, int quarter, int yearStartMonth, string start, string end)
    {
        var p = Period.Quarter(fyStartYear, quarter, yearStartMonth);

        Assert.Equal(PeriodKind.Quarter, p.Kind);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), p.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), p.End);
        Assert.Equal(3, p.LengthInMonths);
        Assert.Equal(quarter, p.QuarterNumber(yearStartMonth));
    }

    [Fact]
    public void Factories_OutOfRangeArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(2009, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(2009, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(1899, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(2201, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.FinancialYear(2009, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.FinancialYear(2009, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.FinancialYear(1899, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Quarter(2011, 0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Quarter(2011, 5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Quarter(2011, 1, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Quarter(2200, 4, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.FinancialYearContaining(D(2009, 5, 15), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.QuarterContaining(D(2009, 5, 15), 13));
    }

    [Fact]
    public void Constructor_AndWith_ValidateEveryField()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Period((PeriodKind)2, 2009, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Period(PeriodKind.Month, 2009, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Period(PeriodKind.Year, 2300, 4));

        var p = Period.Month(2009, 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => p with { StartMonth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => p with { StartYear = 1800 });
        Assert.Equal(Period.Month(2009, 6), p with { StartMonth = 6 });
    }

    [Fact]
    public void Years_AtTheEdgesOfTheRange_AreAccepted()
    {
        Assert.Equal(D(1900, 1, 1), Period.Month(1900, 1).Start);
        Assert.Equal(D(2201, 3, 31), Period.FinancialYear(2200, 4).End);
    }

    [Theory]
    [InlineData(2009, 5, 15, 4, "Y2009-04")]
    [InlineData(2010, 2, 10, 4, "Y2009-04")]
    [InlineData(2010, 3, 31, 4, "Y2009-04")]
    [InlineData(2010, 4, 1, 4, "Y2010-04")]
    [InlineData(2009, 4, 1, 4, "Y2009-04")]
    [InlineData(2009, 3, 31, 4, "Y2008-04")]
    [InlineData(2009, 5, 15, 1, "Y2009-01")]
    [InlineData(2009, 1, 1, 1, "Y2009-01")]
    [InlineData(2009, 12, 31, 1, "Y2009-01")]
    [InlineData(2010, 6, 30, 7, "Y2009-07")]
    public void FinancialYearContaining_ReturnsTheYearAroundTheDate(int y, int m, int d, int yearStartMonth, string expected)
    {
        var year = Period.FinancialYearContaining(D(y, m, d), yearStartMonth);

        Assert.Equal(expected, year.Code);
        Assert.True(year.Contains(D(y, m, d)));
    }

    [Theory]
    [InlineData(2009, 5, 15, 4, "Q2009-04", 1, "Q1 2009/10")]
    [InlineData(2009, 5, 15, 1, "Q2009-04", 2, "Q2 2009")]
    [InlineData(2010, 2, 10, 4, "Q2010-01", 4, "Q4 2009/10")]
    [InlineData(2010, 2, 10, 1, "Q2010-01", 1, "Q1 2010")]
    [InlineData(2009, 12, 31, 4, "Q2009-10", 3, "Q3 2009/10")]
    [InlineData(2009, 12, 31, 1, "Q2009-10", 4, "Q4 2009")]
    [InlineData(2010, 3, 31, 4, "Q2010-01", 4, "Q4 2009/10")]
    [InlineData(2010, 4, 1, 4, "Q2010-04", 1, "Q1 2010/11")]
    [InlineData(2009, 9, 1, 4, "Q2009-07", 2, "Q2 2009/10")]
    public void QuarterContaining_ReturnsTheQuarterAroundTheDate(int y, int m, int d, int yearStartMonth, string code, int number, string formatted)
    {
        var q = Period.QuarterContaining(D(y, m, d), yearStartMonth);

        Assert.Equal(code, q.Code);
        Assert.Equal(number, q.QuarterNumber(yearStartMonth));
        Assert.Equal(formatted, q.Format(yearStartMonth));
        Assert.True(q.Contains(D(y, m, d)));
    }

    [Fact]
    public void ContainsDate_IsInclusiveAtBothEnds()
    {
        var year = Period.FinancialYear(2009, 4);

        Assert.True(year.Contains(D(2009, 4, 1)));
        Assert.True(year.Contains(D(2010, 3, 31)));
        Assert.False(year.Contains(D(2009, 3, 31)));
        Assert.False(year.Contains(D(2010, 4, 1)));
    }

    [Fact]
    public void ContainsPeriod_IsTrueOnlyForPeriodsWhollyInside()
    {
        var year = Period.FinancialYear(2009, 4);

        Assert.True(year.Contains(year));
        Assert.True(year.Contains(Period.Quarter(2009, 4, 4)));
        Assert.True(year.Contains(Period.Month(2009, 4)));
        Assert.True(year.Contains(Period.Month(2010, 3)));
        Assert.False(year.Contains(Period.Month(2009, 3)));
        Assert.False(year.Contains(Period.Month(2010, 4)));
        Assert.False(Period.Quarter(2009, 1, 4).Contains(year));
        // Calendar year 2009 overlaps 2009/10 but does not hold it, nor the other way round.
        Assert.False(year.Contains(Period.FinancialYear(2009, 1)));
        Assert.False(Period.FinancialYear(2009, 1).Contains(year));
        // January–March 2010 is Q4 of 2009/10 and Q1 of calendar 2010.
        Assert.True(Period.FinancialYear(2010, 1).Contains(Period.Quarter(2009, 4, 4)));
    }

    [Theory]
    [InlineData("M2009-12", "M2010-01")]
    [InlineData("M2010-01", "M2010-02")]
    [InlineData("Q2011-04", "Q2011-07")]
    [InlineData("Q2011-10", "Q2012-01")]
    [InlineData("Q2012-01", "Q2012-04")]
    [InlineData("Y2009-04", "Y2010-04")]
    [InlineData("Y1999-04", "Y2000-04")]
    [InlineData("Y2009-01", "Y2010-01")]
    public void NextAndPrevious_StepByTheKindsLengthAcrossYearBoundaries(string code, string nextCode)
    {
        var p = Period.FromCode(code);
        var next = Period.FromCode(nextCode);

        Assert.Equal(next, p.Next());
        Assert.Equal(p, next.Previous());
        Assert.Equal(p.End.AddDays(1), p.Next().Start);
    }

    [Fact]
    public void Next_PastTheLastSupportedYear_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(2200, 12).Next());
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(1900, 1).Previous());
    }

    [Theory]
    [InlineData("M2010-02", "M2009-02")]
    [InlineData("M2010-01", "M2009-01")]
    [InlineData("Q2012-01", "Q2011-01")]
    [InlineData("Q2011-07", "Q2010-07")]
    [InlineData("Y2009-04", "Y2008-04")]
    [InlineData("Y2000-01", "Y1999-01")]
    public void SamePeriodLastYear_Is12MonthsEarlierAndSameKind(string code, string expected)
    {
        Assert.Equal(Period.FromCode(expected), Period.FromCode(code).SamePeriodLastYear());
    }

    [Theory]
    [InlineData("Q2011-04", 4, 1)]
    [InlineData("Q2011-07", 4, 2)]
    [InlineData("Q2011-10", 4, 3)]
    [InlineData("Q2012-01", 4, 4)]
    [InlineData("Q2011-01", 1, 1)]
    [InlineData("Q2011-04", 1, 2)]
    [InlineData("Q2011-07", 1, 3)]
    [InlineData("Q2011-10", 1, 4)]
    [InlineData("Q2011-07", 7, 1)]
    [InlineData("Q2012-04", 7, 4)]
    public void QuarterNumber_DependsOnTheYearStart(string code, int yearStartMonth, int expected)
    {
        Assert.Equal(expected, Period.FromCode(code).QuarterNumber(yearStartMonth));
    }

    [Theory]
    [InlineData("M2009-05")]
    [InlineData("Y2009-04")]
    public void QuarterNumber_ForMonthOrYear_Throws(string code)
    {
        Assert.Throws<InvalidOperationException>(() => Period.FromCode(code).QuarterNumber(4));
    }

    [Fact]
    public void QuarterNumber_ForAQuarterOffTheYearsBoundaries_Throws()
    {
        Assert.Throws<ArgumentException>(() => Period.FromCode("Q2011-05").QuarterNumber(4));
    }

    [Theory]
    [InlineData("Q2012-01", 4, "Y2011-04")]
    [InlineData("Q2012-01", 1, "Y2012-01")]
    [InlineData("M2010-03", 4, "Y2009-04")]
    [InlineData("M2010-04", 4, "Y2010-04")]
    [InlineData("M2010-03", 1, "Y2010-01")]
    [InlineData("Y2009-04", 4, "Y2009-04")]
    public void FinancialYearOf_IsTheYearHoldingThePeriodsStart(string code, int yearStartMonth, string expected)
    {
        Assert.Equal(expected, Period.FromCode(code).FinancialYearOf(yearStartMonth).Code);
    }

    [Fact]
    public void Code_IsKindLetterYearAndTwoDigitMonth()
    {
        Assert.Equal("Y2009-04", Period.FinancialYear(2009, 4).Code);
        Assert.Equal("Y2009-01", Period.FinancialYear(2009, 1).Code);
        Assert.Equal("Q2011-04", Period.Quarter(2011, 1, 4).Code);
        Assert.Equal("Q2012-01", Period.Quarter(2011, 4, 4).Code);
        Assert.Equal("M2009-05", Period.Month(2009, 5).Code);
        Assert.Equal("M2009-12", Period.Month(2009, 12).Code);
    }

    [Fact]
    public void Code_RoundTripsThroughFromCode_ForEveryKindAndMonth()
    {
        foreach (var kind in new[] { PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year })
        {
            foreach (var year in new[] { 1900, 1999, 2000, 2009, 2200 })
            {
                for (var month = 1; month <= 12; month++)
                {
                    var p = new Period(kind, year, month);

                    Assert.Equal(p, Period.FromCode(p.Code));
                    Assert.True(Period.TryFromCode(p.Code, out var parsed));
                    Assert.Equal(p, parsed);
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Y2009")]
    [InlineData("2009-04")]
    [InlineData("y2009-04")]
    [InlineData("X2009-04")]
    [InlineData("Y2009-4")]
    [InlineData("Y2009-004")]
    [InlineData("Y2009-13")]
    [InlineData("Y2009-00")]
    [InlineData("Y1899-04")]
    [InlineData("Y2201-01")]
    [InlineData(" Y2009-04")]
    [InlineData("Y2009-04 ")]
    [InlineData("Y20O9-04")]
    [InlineData("Y2009/04")]
    [InlineData("M+009-04")]
    [InlineData("Q2009--4")]
    [InlineData("2009/10")]
    [InlineData("Y２００９-04")]
    public void FromCode_Garbage_ThrowsFormatExceptionNamingTheText(string code)
    {
        var ex = Assert.Throws<FormatException>(() => Period.FromCode(code));

        Assert.Contains($"'{code}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Y2009-04", ex.Message, StringComparison.Ordinal);
        Assert.False(Period.TryFromCode(code, out var p));
        Assert.Equal(default, p);
    }

    [Fact]
    public void TryFromCode_Null_ReturnsFalse()
    {
        Assert.False(Period.TryFromCode(null, out _));
        Assert.Throws<ArgumentNullException>(() => Period.FromCode(null!));
    }

    [Theory]
    [InlineData("Y2009-04", 4, "2009/10")]
    [InlineData("Y2009-01", 1, "2009")]
    [InlineData("Y1999-04", 4, "1999/00")]
    [InlineData("Y2099-04", 4, "2099/00")]
    [InlineData("Y2000-04", 4, "2000/01")]
    [InlineData("Y2009-07", 7, "2009/10")]
    [InlineData("Q2011-04", 4, "Q1 2011/12")]
    [InlineData("Q2012-01", 4, "Q4 2011/12")]
    [InlineData("Q2000-01", 4, "Q4 1999/00")]
    [InlineData("Q2011-01", 1, "Q1 2011")]
    [InlineData("Q2011-04", 1, "Q2 2011")]
    [InlineData("Q2011-10", 1, "Q4 2011")]
    [InlineData("M2009-05", 4, "May 2009")]
    [InlineData("M2009-09", 4, "Sep 2009")]
    [InlineData("M2010-03", 1, "Mar 2010")]
    public void Format_WritesYearsQuartersAndMonthsForPeople(string code, int yearStartMonth, string expected)
    {
        Assert.Equal(expected, Period.FromCode(code).Format(yearStartMonth));
    }

    [Fact]
    public void Format_QuarterOffTheYearsBoundaries_NamesItsMonths()
    {
        Assert.Equal("May 2011 – Jul 2011", Period.FromCode("Q2011-05").Format(4));
    }

    [Fact]
    public void Format_BadYearStartMonth_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(2009, 5).Format(0));
    }

    [Fact]
    public void QuartersOf_AprilStart_AreAprJulOctJan()
    {
        var quarters = Period.QuartersOf(Period.FinancialYear(2009, 4), 4);

        Assert.Equal(["Q2009-04", "Q2009-07", "Q2009-10", "Q2010-01"], quarters.Select(q => q.Code));
        Assert.Equal([1, 2, 3, 4], quarters.Select(q => q.QuarterNumber(4)));
        Assert.Equal(["Q1 2009/10", "Q2 2009/10", "Q3 2009/10", "Q4 2009/10"], quarters.Select(q => q.Format(4)));
        Assert.Equal(D(2009, 4, 1), quarters[0].Start);
        Assert.Equal(D(2010, 3, 31), quarters[3].End);
    }

    [Fact]
    public void QuartersOf_JanuaryStart_AreJanAprJulOct()
    {
        var quarters = Period.QuartersOf(Period.FinancialYear(2009, 1), 1);

        Assert.Equal(["Q2009-01", "Q2009-04", "Q2009-07", "Q2009-10"], quarters.Select(q => q.Code));
        Assert.Equal([1, 2, 3, 4], quarters.Select(q => q.QuarterNumber(1)));
        Assert.Equal(["Q1 2009", "Q2 2009", "Q3 2009", "Q4 2009"], quarters.Select(q => q.Format(1)));
    }

    [Fact]
    public void QuartersOf_NotAYearOrWrongYearStart_Throws()
    {
        Assert.Throws<ArgumentException>(() => Period.QuartersOf(Period.Quarter(2009, 1, 4), 4));
        Assert.Throws<ArgumentException>(() => Period.QuartersOf(Period.FinancialYear(2009, 1), 4));
    }

    [Fact]
    public void MonthsOf_ListsEveryMonthInOrder()
    {
        var months = Period.MonthsOf(Period.FinancialYear(2009, 4));

        Assert.Equal(12, months.Count);
        Assert.Equal("M2009-04", months[0].Code);
        Assert.Equal("M2009-12", months[8].Code);
        Assert.Equal("M2010-01", months[9].Code);
        Assert.Equal("M2010-03", months[11].Code);
        Assert.All(months, m => Assert.Equal(PeriodKind.Month, m.Kind));
        Assert.Equal(["M2011-10", "M2011-11", "M2011-12"], Period.MonthsOf(Period.FromCode("Q2011-10")).Select(m => m.Code));
        Assert.Equal([Period.Month(2009, 5)], Period.MonthsOf(Period.Month(2009, 5)));
    }

    [Fact]
    public void Ordering_IsByStartThenByLength()
    {
        var month = Period.Month(2009, 4);
        var quarter = Period.Quarter(2009, 1, 4);
        var year = Period.FinancialYear(2009, 4);
        var march = Period.Month(2009, 3);
        var may = Period.Month(2009, 5);

        var sorted = new List<Period> { may, year, quarter, month, march };
        sorted.Sort();

        Assert.Equal([march, month, quarter, year, may], sorted);
        Assert.True(month < quarter);
        Assert.True(quarter < year);
        Assert.True(year < may);
        Assert.True(year >= quarter);
        Assert.True(march <= month);
        Assert.True(may > year);
        Assert.Equal(0, Period.FromCode("Q2009-04").CompareTo(quarter));
    }

    [Fact]
    public void Equality_IsByKindAndStart()
    {
        Assert.Equal(Period.Month(2009, 5), Period.FromCode("M2009-05"));
        Assert.True(Period.Month(2009, 5) == Period.FromCode("M2009-05"));
        Assert.NotEqual(Period.Month(2009, 4), Period.Quarter(2009, 1, 4));
        Assert.Equal(Period.Quarter(2011, 2, 1), Period.Quarter(2011, 1, 4));
    }

    [Fact]
    public void ToString_IsTheCode()
    {
        Assert.Equal("Q2011-04", Period.Quarter(2011, 1, 4).ToString());
    }
}
