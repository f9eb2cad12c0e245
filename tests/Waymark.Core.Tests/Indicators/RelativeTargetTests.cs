using Waymark.Core.Indicators;

namespace Waymark.Core.Tests.Indicators;

/// <summary>
/// Targets relative to last year, from Stockton's corporate health target: "a reduction of at least 0.5 days lost per
/// FTE due to sickness" (ex-BVPI 12, lower is better, one decimal place).
/// </summary>
public class RelativeTargetTests
{
    private static readonly Target HalfADayFewer = Target.BetterThanLastYear(0.5m);

    private static readonly Indicator DaysLost = new()
    {
        OrganisationId = 1, Code = "ex-BVPI 12", Title = "Days lost per FTE due to sickness", Unit = IndicatorUnit.Days, DecimalPlaces = 1, Polarity = Polarity.LowerIsBetter,
    };

    [Fact]
    public void LowerIsBetter_ResolvesToLastYearLessTheAmount() =>
        Assert.Equal(8.7m, IndicatorRules.Resolve(HalfADayFewer, 9.2m, Polarity.LowerIsBetter));

    [Fact]
    public void HigherIsBetter_ResolvesToLastYearPlusTheAmount() =>
        Assert.Equal(87m, IndicatorRules.Resolve(Target.BetterThanLastYear(2m), 85m, Polarity.HigherIsBetter));

    [Fact]
    public void WithoutLastYearsFigure_NothingIsResolvedOrJudged()
    {
        Assert.Null(IndicatorRules.Resolve(HalfADayFewer, null, Polarity.LowerIsBetter));
        Assert.Null(IndicatorRules.Judging(HalfADayFewer, null, Polarity.LowerIsBetter));
        Assert.Equal(IndicatorStatus.NoTarget,
            IndicatorRules.Status(8.1m, IndicatorRules.Judging(HalfADayFewer, null, Polarity.LowerIsBetter), Polarity.LowerIsBetter, Tolerance.Default, isDue: true));
    }

    [Theory]
    [InlineData(8.6, IndicatorStatus.Green)] // More than half a day fewer.
    [InlineData(8.7, IndicatorStatus.Green)] // Exactly half a day fewer.
    [InlineData(9.0, IndicatorStatus.Amber)] // Fewer, but by less than half a day: within 5% of 8.7.
    [InlineData(9.2, IndicatorStatus.Red)]   // No reduction at all.
    public void Status_IsJudgedAgainstTheResolvedNumber(decimal actual, IndicatorStatus expected)
    {
        var judging = IndicatorRules.Judging(HalfADayFewer, 9.2m, Polarity.LowerIsBetter);

        Assert.Equal(expected, IndicatorRules.Status(actual, judging, Polarity.LowerIsBetter, Tolerance.Default, isDue: true));
    }

    [Fact]
    public void ALevelTarget_JudgesAsItIs()
    {
        var level = Target.Numeric(85m);

        Assert.Same(level, IndicatorRules.Judging(level, 80m, Polarity.HigherIsBetter));
        Assert.Equal(85m, IndicatorRules.Resolve(level, 80m, Polarity.HigherIsBetter));
    }

    [Fact]
    public void DataOnly_IsNeverResolved() =>
        Assert.Null(IndicatorRules.Resolve(HalfADayFewer, 9.2m, Polarity.DataOnly));

    [Fact]
    public void Words_ShowTheRuleLastYearAndTheNumber()
    {
        Assert.Equal("At least 0.5 days better than last year (9.2 days): 8.7 days", TargetWords.Judging(HalfADayFewer, 9.2m, DaysLost));
        Assert.Equal("At least 0.5 days better than last year: last year's figure is not available, so nothing is judged against it", TargetWords.Judging(HalfADayFewer, null, DaysLost));
    }

    [Fact]
    public void ANegativeAmount_IsNotATarget() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Target.BetterThanLastYear(-0.5m));
}
