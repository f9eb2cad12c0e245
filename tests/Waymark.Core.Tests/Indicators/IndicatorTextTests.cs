using Waymark.Core.Indicators;

namespace Waymark.Core.Tests.Indicators;

public class IndicatorTextTests
{
    [Theory]
    [InlineData(IndicatorStatus.Green, "On target")]
    [InlineData(IndicatorStatus.Amber, "Slightly off target")]
    [InlineData(IndicatorStatus.Red, "Off target")]
    [InlineData(IndicatorStatus.NoTarget, "No target")]
    [InlineData(IndicatorStatus.Missing, "Missing")]
    [InlineData(IndicatorStatus.NotDue, "Not due")]
    public void StatusText_IsWords(IndicatorStatus status, string expected) =>
        Assert.Equal(expected, IndicatorText.StatusText(status));

    [Fact]
    public void StatusText_CoversEveryStatus()
    {
        foreach (var status in Enum.GetValues<IndicatorStatus>())
        {
            Assert.False(string.IsNullOrWhiteSpace(IndicatorText.StatusText(status)));
        }
    }

    [Theory]
    [InlineData(Direction.Improving, "Improving")]
    [InlineData(Direction.NoChange, "No change")]
    [InlineData(Direction.Worsening, "Worsening")]
    [InlineData(null, "")]
    public void DirectionText_IsWords_AndNothingWithoutAComparison(Direction? direction, string expected) =>
        Assert.Equal(expected, IndicatorText.DirectionText(direction));

    [Fact]
    public void UnknownValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorText.StatusText((IndicatorStatus)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorText.DirectionText((Direction)42));
    }
}
