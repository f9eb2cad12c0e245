using Waymark.Core.Indicators;
using Waymark.Core.Indicators.Calculation;

namespace Waymark.Core.Tests.Indicators.Calculation;

public class RollUpTests
{
    [Fact]
    public void PercentOnTarget_ThreeGreenOneRed_Is75() =>
        Assert.Equal(75m, RollUp.PercentOnTarget(
            [IndicatorStatus.Green, IndicatorStatus.Green, IndicatorStatus.Red, IndicatorStatus.Green]));

    [Fact]
    public void PercentOnTarget_GivesWhatTheRuleGives()
    {
        IndicatorStatus[] statuses =
            [IndicatorStatus.Green, IndicatorStatus.Amber, IndicatorStatus.NoTarget, IndicatorStatus.Missing];

        Assert.Equal(IndicatorRules.PercentOnTarget(statuses), RollUp.PercentOnTarget(statuses));
        Assert.Null(RollUp.PercentOnTarget([IndicatorStatus.NotDue]));
    }

    [Fact]
    public void PercentImproving_GivesWhatTheRuleGives()
    {
        Direction?[] directions = [Direction.Improving, Direction.Worsening, null, Direction.NoChange];

        Assert.Equal(IndicatorRules.PercentImproving(directions), RollUp.PercentImproving(directions));
        Assert.Equal(100m / 3m, RollUp.PercentImproving(directions));
        Assert.Null(RollUp.PercentImproving([null, null]));
    }
}
