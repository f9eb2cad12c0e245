using Waymark.Core.Breakdowns;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Breakdowns;

/// <summary>How a whole figure comes from its parts, and a part's status, from seed 003's corporate health indicators.</summary>
public class BreakdownRulesTests
{
    private static readonly Period Q3 = Period.Quarter(2011, 3, 4);

    [Fact]
    public void Whole_OfASummedCount_IsTheTotalOfThePartsPresent()
    {
        var whole = BreakdownRules.Whole([120m, null, 80.5m], Aggregation.Sum, IndicatorUnit.Number, 0);

        Assert.Equal(WholeMethod.Total, whole.Method);
        Assert.Equal(201m, whole.Value); // 200.5 rounded to the indicator's whole numbers.
        Assert.Equal(2, whole.MembersWithValues);
        Assert.False(whole.IsComplete);
    }

    [Fact]
    public void Whole_OfAnAverageCount_IsTheMeanOfThePartsPresent()
    {
        var whole = BreakdownRules.Whole([10m, 20m, null, 40m], Aggregation.Average, IndicatorUnit.Days, 1);

        Assert.Equal(WholeMethod.Average, whole.Method);
        Assert.Equal(23.3m, whole.Value);
    }

    [Theory]
    [InlineData(Aggregation.Average, IndicatorUnit.Percentage)] // "% of invoices paid within 30 days": needs each part's invoices.
    [InlineData(Aggregation.CumulativeYearToDate, IndicatorUnit.Percentage)] // "% of employees receiving an appraisal".
    [InlineData(Aggregation.CumulativeYearToDate, IndicatorUnit.Days)] // "Days lost per FTE due to sickness": needs each part's FTEs.
    [InlineData(Aggregation.Sum, IndicatorUnit.Rate)]
    public void Whole_OfARateOrPercentage_IsNotFormed(Aggregation aggregation, IndicatorUnit unit)
    {
        var whole = BreakdownRules.Whole([86m, 91m], aggregation, unit, 0);

        Assert.Equal(WholeMethod.NotFormed, whole.Method);
        Assert.Null(whole.Value);
        Assert.Equal(2, whole.MembersWithValues);
    }

    [Theory]
    [InlineData(Aggregation.Latest, IndicatorUnit.Number)] // "number of Community Access Points": the parts' snapshots add up.
    [InlineData(Aggregation.CumulativeYearToDate, IndicatorUnit.Currency)] // savings so far this year, per service.
    public void Whole_OfASnapshotOrRunningCount_IsTheTotal(Aggregation aggregation, IndicatorUnit unit)
    {
        Assert.Equal(15m, BreakdownRules.Whole([5m, 10m], aggregation, unit, 0).Value);
    }

    [Fact]
    public void Whole_WithNoFigures_IsNothing()
    {
        Assert.Null(BreakdownRules.Whole([null, null], Aggregation.Sum, IndicatorUnit.Number, 0).Value);
    }

    [Fact]
    public void MemberStatus_IsJudgedAgainstTheIndicatorsTarget_AsTheIndicatorIs()
    {
        // Stockton: at least 85% of invoices paid within 30 days, the year's target holding for each quarter.
        var indicator = new Indicator
        {
            Id = 1, Title = "% of invoices paid within 30 days", Unit = IndicatorUnit.Percentage, Polarity = Polarity.HigherIsBetter,
            Frequency = Frequency.Quarterly, Aggregation = Aggregation.Average,
        };
        IndicatorTarget[] targets = [new() { IndicatorId = 1, Period = Period.FinancialYear(2011, 4), Value = 85m }];
        var today = new DateOnly(2012, 1, 16);

        IndicatorStatus StatusOf(decimal? figure)
        {
            var values = figure is { } f ? [new BreakdownValue { MemberId = 1, Period = Q3, Value = f }] : Array.Empty<BreakdownValue>();
            var series = BreakdownRules.MemberSeries(indicator, [], targets, values, 4, 30, today);
            return BreakdownRules.StatusIn(series, Q3, today, 30);
        }

        Assert.Equal(IndicatorStatus.Green, StatusOf(88m));
        Assert.Equal(IndicatorStatus.Amber, StatusOf(82m)); // within 5% of 85.
        Assert.Equal(IndicatorStatus.Red, StatusOf(70m));
        Assert.Equal(IndicatorStatus.NotDue, StatusOf(null)); // Q3 ended 31 December; due 30 days later.
    }
}
