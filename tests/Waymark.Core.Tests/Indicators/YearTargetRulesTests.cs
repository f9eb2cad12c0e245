using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Indicators;

/// <summary>A year's target judging its quarters, and pro-rata profiles for summed and cumulative indicators.</summary>
public class YearTargetRulesTests
{
    private const int April = 4;
    private static readonly Period Y2010 = Period.FinancialYear(2010, April);

    [Theory]
    [InlineData(Aggregation.Average, true)]
    [InlineData(Aggregation.Latest, true)]
    [InlineData(Aggregation.Sum, false)]
    [InlineData(Aggregation.CumulativeYearToDate, false)]
    public void AQuarterWithoutATarget_IsJudgedByTheYearsOnlyForAnAverageOrLatestValue(Aggregation aggregation, bool judged)
    {
        var chosen = IndicatorRules.TargetFor(null, Target.Numeric(85), aggregation);

        Assert.Equal(judged, chosen is { FromYear: true, Target.Value: 85 });
        Assert.Equal(judged, chosen is not null);
    }

    [Fact]
    public void AQuartersOwnTarget_WinsOverTheYears()
    {
        var chosen = IndicatorRules.TargetFor(Target.Numeric(80), Target.Numeric(85), Aggregation.Average);

        Assert.Equal(new PeriodTarget(Target.Numeric(80), FromYear: false), chosen);
    }

    [Fact]
    public void StocktonInvoices_Q3Of2010_71PercentAgainstTheYears85_IsRed()
    {
        // "85% of invoices paid within 30 days" (ex-BVPI 8): quarterly, the year is the average of the quarters.
        var indicator = new Indicator
        {
            Code = "ex-BVPI 8", Title = "% of invoices paid within 30 days", Unit = IndicatorUnit.Percentage,
            Polarity = Polarity.HigherIsBetter, Frequency = Frequency.Quarterly, Aggregation = Aggregation.Average,
        };
        var q3 = Period.QuartersOf(Y2010, April)[2];
        var values = new Dictionary<Period, ValueFacts>
        {
            [q3] = new(0, 71, null, null, 1, "Officer", DateTimeOffset.UnixEpoch, null, null, false, Guid.NewGuid()),
        };

        var series = IndicatorSeries.Build(new SeriesInput(indicator, [], [new IndicatorTarget { Period = Y2010, Value = 85 }], values),
            April, 30, new DateOnly(2012, 1, 15));

        var row = series.For(q3)!;
        Assert.Equal(IndicatorStatus.Red, row.Status);
        Assert.Equal(85m, row.Target!.Value);
        Assert.True(row.TargetIsYears);
    }

    [Fact]
    public void ASummedYear_IsSharedEquallyAndAddsUpToTheTarget()
    {
        var profile = IndicatorRules.ProRataProfile(1000, 3, Aggregation.Sum, 0)!;

        Assert.Equal([333m, 334m, 333m], profile);
        Assert.Equal(1000m, profile.Sum());
    }

    [Fact]
    public void ACumulativeYear_RisesToTheTargetByTheLastQuarter()
    {
        Assert.Equal([22.5m, 45m, 67.5m, 90m], IndicatorRules.ProRataProfile(90, 4, Aggregation.CumulativeYearToDate, 1));
    }

    [Theory]
    [InlineData(Aggregation.Average)]
    [InlineData(Aggregation.Latest)]
    public void AnAverageOrLatestValue_HasNoProRataProfile(Aggregation aggregation) =>
        Assert.Null(IndicatorRules.ProRataProfile(85, 4, aggregation, 0));
}
