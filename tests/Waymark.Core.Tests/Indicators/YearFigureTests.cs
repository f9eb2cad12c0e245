using Waymark.Core.Indicators;

namespace Waymark.Core.Tests.Indicators;

public class YearFigureTests
{
    // Seed 000: "Increase total number of parishes having completed a parish plan (2007/08 = 19 accumulative)",
    // targets 25 / 28 / 31. Each quarter's value is the running total, so 2009/10's figure is the last of them,
    // and is judged against 25; summing the quarters (90) would be wrong.
    [Fact]
    public void ParishPlansCompleted_Cumulative_YearFigureIsLatestCumulativeValue_NotSumOfQuarters()
    {
        decimal?[] quarters = [21m, 22m, 22m, 25m];

        var year = IndicatorRules.YearFigure(quarters, Aggregation.CumulativeYearToDate);

        Assert.Equal(25m, year);
        Assert.NotEqual(quarters.Sum(), year);
        Assert.Equal(IndicatorStatus.Green,
            IndicatorRules.Status(year, Target.Numeric(25m), Polarity.HigherIsBetter, Tolerance.Default, isDue: true));
    }

    [Fact]
    public void Cumulative_PartYear_IsLatestEnteredValue() =>
        Assert.Equal(27m, IndicatorRules.YearFigure([26m, 27m, null, null], Aggregation.CumulativeYearToDate));

    [Theory]
    [InlineData(Aggregation.Sum, 10)]
    [InlineData(Aggregation.Average, 2.5)]
    [InlineData(Aggregation.Latest, 4)]
    [InlineData(Aggregation.CumulativeYearToDate, 4)]
    public void AllPeriodsPresent(Aggregation aggregation, double expected) =>
        Assert.Equal((decimal)expected, IndicatorRules.YearFigure([1m, 2m, 3m, 4m], aggregation));

    [Theory]
    [InlineData(Aggregation.Sum, 6)]
    [InlineData(Aggregation.Average, 3)]
    [InlineData(Aggregation.Latest, 4)]
    [InlineData(Aggregation.CumulativeYearToDate, 4)]
    public void MissingPeriods_AreLeftOut(Aggregation aggregation, double expected) =>
        Assert.Equal((decimal)expected, IndicatorRules.YearFigure([2m, null, 4m, null], aggregation));

    [Theory]
    [InlineData(Aggregation.Sum)]
    [InlineData(Aggregation.Average)]
    [InlineData(Aggregation.Latest)]
    [InlineData(Aggregation.CumulativeYearToDate)]
    public void NoValues_GivesNull(Aggregation aggregation)
    {
        Assert.Null(IndicatorRules.YearFigure([], aggregation));
        Assert.Null(IndicatorRules.YearFigure([null, null, null, null], aggregation));
    }

    [Fact]
    public void Latest_IsTheLastInPeriodOrder_NotTheLargest() =>
        Assert.Equal(13m, IndicatorRules.YearFigure([15m, 14m, 13m], Aggregation.Latest));

    [Fact]
    public void Average_KeepsDecimalPrecision() =>
        Assert.Equal(34m / 3m, IndicatorRules.YearFigure([11m, 11m, 12m], Aggregation.Average));

    [Fact]
    public void UnknownAggregation_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorRules.YearFigure([1m], (Aggregation)9));
}
