using Waymark.Core.Indicators;

namespace Waymark.Core.Tests.Indicators;

public class PercentOnTargetTests
{
    private const IndicatorStatus G = IndicatorStatus.Green;
    private const IndicatorStatus A = IndicatorStatus.Amber;
    private const IndicatorStatus R = IndicatorStatus.Red;

    [Fact]
    public void AllGreen_Is100() => Assert.Equal(100m, IndicatorRules.PercentOnTarget([G, G, G]));

    [Fact]
    public void NoGreen_Is0() => Assert.Equal(0m, IndicatorRules.PercentOnTarget([A, R]));

    [Fact]
    public void ThreeGreenOfFourJudged_Is75() => Assert.Equal(75m, IndicatorRules.PercentOnTarget([G, G, A, G]));

    [Fact]
    public void OneGreenOfThree_IsAThird() =>
        Assert.Equal(100m / 3m, IndicatorRules.PercentOnTarget([G, A, R]));

    [Fact]
    public void NoTargetMissingAndNotDue_AreNotCounted() =>
        Assert.Equal(50m, IndicatorRules.PercentOnTarget(
            [G, R, IndicatorStatus.NoTarget, IndicatorStatus.Missing, IndicatorStatus.NotDue, IndicatorStatus.Missing]));

    [Fact]
    public void NothingJudged_IsNull()
    {
        Assert.Null(IndicatorRules.PercentOnTarget([]));
        Assert.Null(IndicatorRules.PercentOnTarget([IndicatorStatus.NoTarget, IndicatorStatus.Missing, IndicatorStatus.NotDue]));
    }
}
