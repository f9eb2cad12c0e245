using Waymark.Core.Indicators;

namespace Waymark.Core.Tests.Indicators;

public class PercentImprovingTests
{
    private const Direction I = Direction.Improving;
    private const Direction N = Direction.NoChange;
    private const Direction W = Direction.Worsening;

    [Fact]
    public void AllImproving_Is100() => Assert.Equal(100m, IndicatorRules.PercentImproving([I, I]));

    [Fact]
    public void NoneImproving_Is0() => Assert.Equal(0m, IndicatorRules.PercentImproving([N, W]));

    [Fact]
    public void NoChange_CountsAsNotImproving() => Assert.Equal(50m, IndicatorRules.PercentImproving([I, N]));

    [Fact]
    public void TwoImprovingOfFour_Is50() => Assert.Equal(50m, IndicatorRules.PercentImproving([I, W, I, N]));

    [Fact]
    public void NoDirection_IsNotCounted() =>
        Assert.Equal(75m, IndicatorRules.PercentImproving([I, null, I, W, null, I]));

    [Fact]
    public void NothingCounted_IsNull()
    {
        Assert.Null(IndicatorRules.PercentImproving([]));
        Assert.Null(IndicatorRules.PercentImproving([null, null, null]));
    }

    [Fact]
    public void NullList_Throws() =>
        Assert.Throws<ArgumentNullException>("directions", () => IndicatorRules.PercentImproving(null!));
}
