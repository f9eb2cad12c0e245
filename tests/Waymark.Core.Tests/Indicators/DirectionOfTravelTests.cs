using System.Globalization;
using Waymark.Core.Indicators;

namespace Waymark.Core.Tests.Indicators;

public class DirectionOfTravelTests
{
    private static decimal? D(string? s) =>
        s is null ? null : decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

    // Seed 000: "Number of Community Access Points in the district (2008/09 = 13)", 14 in 2009/10.
    [Fact]
    public void CommunityAccessPoints_13Then14_HigherIsBetter_IsImproving() =>
        Assert.Equal(Direction.Improving,
            IndicatorRules.DirectionOfTravel(actual: 14m, comparison: 13m, Polarity.HigherIsBetter, decimalPlaces: 0));

    [Theory]
    [InlineData("14", "13", Polarity.HigherIsBetter, Direction.Improving)]
    [InlineData("12", "13", Polarity.HigherIsBetter, Direction.Worsening)]
    [InlineData("960", "976", Polarity.LowerIsBetter, Direction.Improving)]
    [InlineData("1010", "976", Polarity.LowerIsBetter, Direction.Worsening)]
    [InlineData("-3", "-2", Polarity.LowerIsBetter, Direction.Improving)]
    public void Direction_FollowsTheGoodDirection(string actual, string comparison, Polarity polarity, Direction expected) =>
        Assert.Equal(expected, IndicatorRules.DirectionOfTravel(D(actual), D(comparison), polarity, decimalPlaces: 0));

    // Vehicle crime falling from 976 (2007/08) is improving; rising is worsening.
    [Fact]
    public void LowerIsBetter_FallingIsImproving_RisingIsWorsening()
    {
        Assert.Equal(Direction.Improving, IndicatorRules.DirectionOfTravel(975m, 976m, Polarity.LowerIsBetter, 0));
        Assert.Equal(Direction.Worsening, IndicatorRules.DirectionOfTravel(977m, 976m, Polarity.LowerIsBetter, 0));
    }

    [Theory]
    [InlineData("33.94", "33.9", 1, Direction.NoChange)]
    [InlineData("33.86", "33.9", 1, Direction.NoChange)]
    [InlineData("33.96", "33.9", 1, Direction.Improving)]
    [InlineData("33.96", "33.9", 0, Direction.NoChange)]
    [InlineData("13", "13", 0, Direction.NoChange)]
    [InlineData("13.4", "13", 0, Direction.NoChange)]
    [InlineData("13.5", "13", 0, Direction.Improving)] // 13.5 rounds half away from zero to 14
    public void EqualAtDecimalPlaces_IsNoChange(string actual, string comparison, int places, Direction expected) =>
        Assert.Equal(expected,
            IndicatorRules.DirectionOfTravel(D(actual), D(comparison), Polarity.HigherIsBetter, places));

    [Theory]
    [InlineData("34.5", "34", "0.5", Direction.NoChange)]
    [InlineData("33.5", "34", "0.5", Direction.NoChange)]
    [InlineData("34.51", "34", "0.5", Direction.Improving)]
    [InlineData("33.49", "34", "0.5", Direction.Worsening)]
    [InlineData("34.01", "34", "0", Direction.Improving)]
    public void WithinThreshold_IsNoChange(string actual, string comparison, string threshold, Direction expected) =>
        Assert.Equal(expected,
            IndicatorRules.DirectionOfTravel(D(actual), D(comparison), Polarity.HigherIsBetter, 0, D(threshold)));

    [Theory]
    [InlineData(null, "13")]
    [InlineData("14", null)]
    [InlineData(null, null)]
    public void NoValueToCompare_GivesNoDirection(string? actual, string? comparison) =>
        Assert.Null(IndicatorRules.DirectionOfTravel(D(actual), D(comparison), Polarity.HigherIsBetter, 0));

    [Fact]
    public void DataOnly_GivesNoDirection() =>
        Assert.Null(IndicatorRules.DirectionOfTravel(14m, 13m, Polarity.DataOnly, 0));

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            IndicatorRules.DirectionOfTravel(1m, 2m, Polarity.HigherIsBetter, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            IndicatorRules.DirectionOfTravel(1m, 2m, Polarity.HigherIsBetter, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            IndicatorRules.DirectionOfTravel(1m, 2m, Polarity.HigherIsBetter, 0, -0.1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorRules.DirectionOfTravel(1m, 2m, (Polarity)7, 0));
    }
}
