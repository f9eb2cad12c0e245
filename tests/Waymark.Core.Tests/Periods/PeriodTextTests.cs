using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Periods;

public class PeriodTextTests
{
    private const int April = 4;
    private const int January = 1;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static void AssertIsPeriod(PeriodText parsed, string text, Period expected, bool approximate = false)
    {
        Assert.Equal(text, parsed.Text);
        Assert.Equal(PeriodTextKind.Period, parsed.Kind);
        Assert.Equal(expected, parsed.Period);
        Assert.Null(parsed.Date);
        Assert.Null(parsed.From);
        Assert.Equal(approximate, parsed.Approximate);
        Assert.Equal(expected.End, parsed.DueBy);
    }

    private static void AssertIsText(PeriodText parsed, string text)
    {
        Assert.Equal(text, parsed.Text);
        Assert.Equal(text, parsed.ToString());
        Assert.Equal(PeriodTextKind.Text, parsed.Kind);
        Assert.Null(parsed.Period);
        Assert.Null(parsed.Date);
        Assert.Null(parsed.From);
        Assert.False(parsed.Approximate);
        Assert.Null(parsed.DueBy);
    }

    // ---- Financial years ----

    [Theory]
    [InlineData("2009/10")]
    [InlineData("09/10")]
    [InlineData("2009/2010")]
    [InlineData("2009-10")]
    [InlineData("09-10")]
    [InlineData("2009 / 10")]
    [InlineData("2009–10")]
    [InlineData("  2009/10.  ")]
    [InlineData("By 2009/10")]
    [InlineData("End of 2009/10")]
    public void Parse_FinancialYear_AprilStart_ReturnsYear(string text)
    {
        var parsed = PeriodText.Parse(text, April);

        AssertIsPeriod(parsed, text, Period.FinancialYear(2009, April));
        Assert.Equal(D(2010, 3, 31), parsed.DueBy);
    }

    [Fact]
    public void Parse_FinancialYear_OtherYearStart_StartsInThatMonth()
    {
        AssertIsPeriod(PeriodText.Parse("2009/10", 7), "2009/10", Period.FinancialYear(2009, 7));
    }

    [Theory]
    [InlineData("1999/00")]
    [InlineData("99/00")]
    [InlineData("1999/2000")]
    public void Parse_FinancialYearAcrossTheCentury_ReturnsYear(string text)
    {
        AssertIsPeriod(PeriodText.Parse(text, April), text, Period.FinancialYear(1999, April));
    }

    [Theory]
    [InlineData("2009/11")]
    [InlineData("2010/09")]
    [InlineData("03/12")]
    [InlineData("2009/2011")]
    [InlineData("2009/09")]
    public void Parse_SplitYearWhoseYearsDoNotFollow_ReturnsText(string text)
    {
        AssertIsText(PeriodText.Parse(text, April), text);
    }

    [Fact]
    public void Parse_BareYear_JanuaryStart_ReturnsCalendarYear()
    {
        AssertIsPeriod(PeriodText.Parse("2009", January), "2009", Period.FinancialYear(2009, January));
    }

    [Theory]
    [InlineData("2009", April)]
    [InlineData("09", April)]
    [InlineData("09", January)]
    [InlineData("2009/10", January)]
    public void Parse_AmbiguousYear_ReturnsText(string text, int yearStartMonth)
    {
        AssertIsText(PeriodText.Parse(text, yearStartMonth), text);
    }

    // ---- Quarters ----

    [Theory]
    [InlineData("Q1 2011/12", 2011, 1)]
    [InlineData("Q1 11/12", 2011, 1)]
    [InlineData("2011/12 Q1", 2011, 1)]
    [InlineData("Quarter 1 2011/12", 2011, 1)]
    [InlineData("Q3 2009/10", 2009, 3)]
    [InlineData("q4 2009/10", 2009, 4)]
    [InlineData("Q4 2009-10", 2009, 4)]
    [InlineData("Qtr 2 2009/10", 2009, 2)]
    [InlineData("Q3 of 2009/10", 2009, 3)]
    [InlineData("2009/10 Quarter 4", 2009, 4)]
    [InlineData("Q1, 2011/12", 2011, 1)]
    [InlineData("By end of Q3 2009/10", 2009, 3)]
    public void Parse_QuarterWithFinancialYear_AprilStart_ReturnsQuarter(string text, int fyStartYear, int quarter)
    {
        var parsed = PeriodText.Parse(text, April);

        AssertIsPeriod(parsed, text, Period.Quarter(fyStartYear, quarter, April));
        Assert.Equal(quarter, parsed.Period!.Value.QuarterNumber(April));
    }

    [Fact]
    public void Parse_Q4_AprilStart_EndsInMarchOfTheSecondYear()
    {
        Assert.Equal(D(2010, 3, 31), PeriodText.Parse("Q4 2009/10", April).DueBy);
    }

    [Theory]
    [InlineData("Q1 2011", 2011, 1, "2011-03-31")]
    [InlineData("Q3 2009", 2009, 3, "2009-09-30")]
    [InlineData("2009 Q4", 2009, 4, "2009-12-31")]
    public void Parse_QuarterWithCalendarYear_JanuaryStart_ReturnsQuarter(string text, int year, int quarter, string dueBy)
    {
        var parsed = PeriodText.Parse(text, January);

        AssertIsPeriod(parsed, text, Period.Quarter(year, quarter, January));
        Assert.Equal(DateOnly.Parse(dueBy, System.Globalization.CultureInfo.InvariantCulture), parsed.DueBy);
    }

    [Theory]
    [InlineData("Q1 2011")]
    [InlineData("Q5 2009/10")]
    [InlineData("Q0 2009/10")]
    [InlineData("Q1 2009/11")]
    [InlineData("Q3 09")]
    public void Parse_QuarterWithUnclearYear_ReturnsText(string text)
    {
        AssertIsText(PeriodText.Parse(text, April), text);
    }

    [Theory]
    [InlineData("By end Q3")]
    [InlineData("End Q3")]
    [InlineData("by end of Q3")]
    [InlineData("Q3")]
    [InlineData("Q3.")]
    [InlineData("Quarter 3")]
    [InlineData("By the end of Q3")]
    public void Parse_BareQuarterWithContextYear_ReturnsQuarterOfThatYear(string text)
    {
        var april = PeriodText.Parse(text, April, Period.FinancialYear(2009, April));
        AssertIsPeriod(april, text, Period.Quarter(2009, 3, April));
        Assert.Equal(D(2009, 12, 31), april.DueBy);

        var january = PeriodText.Parse(text, January, Period.FinancialYear(2009, January));
        AssertIsPeriod(january, text, Period.Quarter(2009, 3, January));
        Assert.Equal(D(2009, 9, 30), january.DueBy);
    }

    [Fact]
    public void Parse_BareQuarterWithMonthAsContext_UsesTheFinancialYearHoldingIt()
    {
        // February 2010 is in 2009/10, so "Q1" is April–June 2009.
        var parsed = PeriodText.Parse("Q1", April, Period.Month(2010, 2));

        AssertIsPeriod(parsed, "Q1", Period.Quarter(2009, 1, April));
    }

    [Theory]
    [InlineData("By end Q3")]
    [InlineData("End Q3")]
    [InlineData("by end of Q3")]
    [InlineData("Q3")]
    public void Parse_BareQuarterWithoutContextYear_ReturnsText(string text)
    {
        AssertIsText(PeriodText.Parse(text, April), text);
    }

    // ---- Months ----

    [Theory]
    [InlineData("May 2009", 2009, 5)]
    [InlineData("May 09", 2009, 5)]
    [InlineData("Mar 2010", 2010, 3)]
    [InlineData("June 09", 2009, 6)]
    [InlineData("Sept 09", 2009, 9)]
    [InlineData("Sep 2009", 2009, 9)]
    [InlineData("September 2009", 2009, 9)]
    [InlineData("May-09", 2009, 5)]
    [InlineData("Jan 10", 2010, 1)]
    [InlineData("By May 09", 2009, 5)]
    [InlineData("by end of April 2009", 2009, 4)]
    [InlineData("end of April 2009", 2009, 4)]
    [InlineData("End March 2010", 2010, 3)]
    [InlineData("BY MAY 09", 2009, 5)]
    [InlineData("By the end of December 2009.", 2009, 12)]
    [InlineData("Feb 2012", 2012, 2)]
    [InlineData("Oct. 2011", 2011, 10)]
    [InlineData("July '10", 2010, 7)]
    [InlineData("Nov, 2009", 2009, 11)]
    [InlineData("Aug 1999", 1999, 8)]
    public void Parse_MonthAndYear_ReturnsMonth(string text, int year, int month)
    {
        AssertIsPeriod(PeriodText.Parse(text, April), text, Period.Month(year, month));
        AssertIsPeriod(PeriodText.Parse(text, January), text, Period.Month(year, month));
    }

    [Fact]
    public void Parse_MonthInLeapYear_IsDueOnThe29th()
    {
        Assert.Equal(D(2012, 2, 29), PeriodText.Parse("Feb 2012", April).DueBy);
    }

    [Theory]
    [InlineData("By March", April, 2010, 3)]
    [InlineData("May", April, 2009, 5)]
    [InlineData("end of March", January, 2009, 3)]
    public void Parse_BareMonthWithContextYear_ReturnsTheMonthInThatYear(string text, int yearStartMonth, int year, int month)
    {
        var parsed = PeriodText.Parse(text, yearStartMonth, Period.FinancialYear(2009, yearStartMonth));

        AssertIsPeriod(parsed, text, Period.Month(year, month));
    }

    // ---- Dates ----

    [Theory]
    [InlineData("31st March 2012", 2012, 3, 31)]
    [InlineData("31 March 2012", 2012, 3, 31)]
    [InlineData("1st Apr 09", 2009, 4, 1)]
    [InlineData("31/03/2012", 2012, 3, 31)]
    [InlineData("31/03/12", 2012, 3, 31)]
    [InlineData("1/4/09", 2009, 4, 1)]
    [InlineData("01/04/2009", 2009, 4, 1)]
    [InlineData("31.03.2012", 2012, 3, 31)]
    [InlineData("By 31st March 2012", 2012, 3, 31)]
    [InlineData("2nd May 2010", 2010, 5, 2)]
    [InlineData("3rd June 2011", 2011, 6, 3)]
    [InlineData("22nd Sept 2009", 2009, 9, 22)]
    [InlineData("1-Apr-09", 2009, 4, 1)]
    [InlineData("30th of September 2010", 2010, 9, 30)]
    [InlineData("2012-03-31", 2012, 3, 31)]
    [InlineData("29/02/2012", 2012, 2, 29)]
    public void Parse_Date_ReturnsDateAndItsMonth(string text, int year, int month, int day)
    {
        var parsed = PeriodText.Parse(text, April);

        Assert.Equal(text, parsed.Text);
        Assert.Equal(PeriodTextKind.Date, parsed.Kind);
        Assert.Equal(D(year, month, day), parsed.Date);
        Assert.Equal(Period.Month(year, month), parsed.Period);
        Assert.Equal(D(year, month, day), parsed.DueBy);
        Assert.Null(parsed.From);
        Assert.False(parsed.Approximate);
    }

    [Theory]
    [InlineData("31/02/2012")]
    [InlineData("29/02/2011")]
    [InlineData("30 February 2012")]
    [InlineData("32/01/2012")]
    [InlineData("31/13/2012")]
    [InlineData("0/1/2012")]
    [InlineData("31st March")]
    [InlineData("12/31/2012")]
    public void Parse_ImpossibleOrIncompleteDate_ReturnsText(string text)
    {
        AssertIsText(PeriodText.Parse(text, April), text);
    }

    // ---- Seasons ----

    [Theory]
    [InlineData("Summer 2009", 2009, 8)]
    [InlineData("Spring 09", 2009, 5)]
    [InlineData("Autumn 2010", 2010, 11)]
    [InlineData("Winter 2009", 2010, 2)]
    [InlineData("winter 09", 2010, 2)]
    [InlineData("Winter 1999", 2000, 2)]
    [InlineData("By Summer 2009", 2009, 8)]
    [InlineData("End of Autumn 2010.", 2010, 11)]
    [InlineData("Winter 2009/10", 2010, 2)]
    public void Parse_Season_ReturnsLastMonthOfTheSeasonApproximately(string text, int year, int month)
    {
        AssertIsPeriod(PeriodText.Parse(text, April), text, Period.Month(year, month), approximate: true);
    }

    [Fact]
    public void Parse_Summer_IsDueByTheEndOfAugust()
    {
        Assert.Equal(D(2009, 8, 31), PeriodText.Parse("Summer 2009", April).DueBy);
    }

    // ---- Open-ended ----

    [Theory]
    [InlineData("Ongoing")]
    [InlineData("On going")]
    [InlineData("On-going")]
    [InlineData("Continuous")]
    [InlineData("Continuing")]
    [InlineData("ONGOING.")]
    [InlineData("  ongoing  ")]
    public void Parse_Ongoing_ReturnsOpenEndedWithoutStart(string text)
    {
        var parsed = PeriodText.Parse(text, April);

        Assert.Equal(text, parsed.Text);
        Assert.Equal(PeriodTextKind.OpenEnded, parsed.Kind);
        Assert.Null(parsed.From);
        Assert.Null(parsed.Period);
        Assert.Null(parsed.Date);
        Assert.Null(parsed.DueBy);
    }

    [Theory]
    [InlineData("From Apr 09", "M2009-04")]
    [InlineData("From April 2009", "M2009-04")]
    [InlineData("from 2010/11", "Y2010-04")]
    [InlineData("From Q2 2009/10", "Q2009-07")]
    [InlineData("From 1st April 2009", "M2009-04")]
    [InlineData("Ongoing from April 2009", "M2009-04")]
    public void Parse_From_ReturnsOpenEndedWithStart(string text, string fromCode)
    {
        var parsed = PeriodText.Parse(text, April);

        Assert.Equal(text, parsed.Text);
        Assert.Equal(PeriodTextKind.OpenEnded, parsed.Kind);
        Assert.Equal(Period.FromCode(fromCode), parsed.From);
        Assert.Null(parsed.Period);
        Assert.Null(parsed.Date);
        Assert.Null(parsed.DueBy);
        Assert.False(parsed.Approximate);
    }

    [Fact]
    public void Parse_FromSeason_StartsInTheSeasonsFirstMonthApproximately()
    {
        var parsed = PeriodText.Parse("From Summer 2009", April);

        Assert.Equal(PeriodTextKind.OpenEnded, parsed.Kind);
        Assert.Equal(Period.Month(2009, 6), parsed.From);
        Assert.True(parsed.Approximate);
    }

    [Theory]
    [InlineData("From whenever")]
    [InlineData("From")]
    [InlineData("Ongoing from time to time")]
    [InlineData("Annual")]
    [InlineData("Continual")]
    public void Parse_OpenEndedLookalike_ReturnsText(string text)
    {
        AssertIsText(PeriodText.Parse(text, April), text);
    }

    // ---- Year end ----

    [Theory]
    [InlineData("Year end")]
    [InlineData("By year-end")]
    [InlineData("End of year")]
    [InlineData("by the end of the financial year")]
    public void Parse_YearEndWithContextYear_ReturnsThatYear(string text)
    {
        var parsed = PeriodText.Parse(text, April, Period.FinancialYear(2009, April));

        AssertIsPeriod(parsed, text, Period.FinancialYear(2009, April));
        Assert.Equal(D(2010, 3, 31), parsed.DueBy);
        AssertIsText(PeriodText.Parse(text, April), text);
    }

    // ---- Two-digit years ----

    [Theory]
    [InlineData("May 00", 2000)]
    [InlineData("May 09", 2009)]
    [InlineData("May 69", 2069)]
    [InlineData("May 70", 1970)]
    [InlineData("May 99", 1999)]
    public void Parse_TwoDigitYear_00To69Is2000sAnd70To99Is1900s(string text, int year)
    {
        Assert.Equal(Period.Month(year, 5), PeriodText.Parse(text, April).Period);
    }

    [Theory]
    [InlineData("69/70", 2069)]
    [InlineData("70/71", 1970)]
    [InlineData("99/00", 1999)]
    [InlineData("00/01", 2000)]
    public void Parse_TwoDigitSplitYear_UsesTheSameCenturyRule(string text, int startYear)
    {
        Assert.Equal(Period.FinancialYear(startYear, April), PeriodText.Parse(text, April).Period);
    }

    // ---- Not understood ----

    [Theory]
    [InlineData("As set out under actions")]
    [InlineData("tbc")]
    [InlineData("TBC.")]
    [InlineData("Plan approved and targets set")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...")]
    [InlineData("March")]
    [InlineData("By")]
    [InlineData("End")]
    [InlineData("Quarterly")]
    [InlineData("May 2300")]
    [InlineData("Q4 2200/01")]
    [InlineData("31/12/1850")]
    [InlineData("2009/10 and 2010/11")]
    [InlineData("April 2009 - March 2010")]
    [InlineData("Smarch 2009")]
    [InlineData("Mayday 2009")]
    [InlineData("Early 2010")]
    public void Parse_UnparseableText_KeepsItVerbatimWithNoPeriod(string text)
    {
        AssertIsText(PeriodText.Parse(text, April), text);
        AssertIsText(PeriodText.Parse(text, January), text);
    }

    [Fact]
    public void Parse_Null_ReturnsEmptyText()
    {
        AssertIsText(PeriodText.Parse(null, April), string.Empty);
    }

    [Fact]
    public void Parse_VeryLongText_ReturnsText()
    {
        var text = "By May 09 " + new string('x', 5000);

        AssertIsText(PeriodText.Parse(text, April), text);
    }

    [Fact]
    public void Parse_UnderstoodText_IsStillKeptVerbatim()
    {
        const string text = "  By  May 09. ";

        var parsed = PeriodText.Parse(text, April);

        Assert.Equal(text, parsed.Text);
        Assert.Equal(text, parsed.ToString());
        Assert.Equal(Period.Month(2009, 5), parsed.Period);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Parse_BadYearStartMonth_Throws(int yearStartMonth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodText.Parse("2009/10", yearStartMonth));
    }

    [Theory]
    [InlineData(April)]
    [InlineData(January)]
    public void Parse_WhatFormatWrites_ReadsBackTheSamePeriod(int yearStartMonth)
    {
        var year = Period.FinancialYear(2009, yearStartMonth);
        var periods = new List<Period> { year, Period.FinancialYear(1999, yearStartMonth) };
        periods.AddRange(Period.QuartersOf(year, yearStartMonth));
        periods.AddRange(Period.MonthsOf(year));

        foreach (var p in periods)
        {
            var parsed = PeriodText.Parse(p.Format(yearStartMonth), yearStartMonth);

            Assert.Equal(PeriodTextKind.Period, parsed.Kind);
            Assert.Equal(p, parsed.Period);
        }
    }

    [Fact]
    public void Parse_RandomJunk_NeverThrows()
    {
        string[] tokens =
        [
            "by", "end", "of", "the", "from", "q", "q3", "quarter", "2009", "09", "/", "-", "10", "31st", "march",
            "sept", "summer", "winter", "ongoing", ".", " ", "'", "2200", "2201", "99", "00", "0", "13", "year", "–", "x",
        ];
        var random = new Random(20090401);
        for (var i = 0; i < 5000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => tokens[random.Next(tokens.Length)]));

            var parsed = PeriodText.Parse(text, random.Next(1, 13), random.Next(2) == 0 ? null : Period.FinancialYear(2200, 4));

            Assert.Equal(text, parsed.Text);
            if (parsed.Kind == PeriodTextKind.Text)
            {
                Assert.Null(parsed.Period);
                Assert.Null(parsed.DueBy);
            }
        }
    }
}
