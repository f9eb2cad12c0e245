using Waymark.Core.Indicators;
using Waymark.Core.Performance;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Performance;

/// <summary>Counts by status and "% on target" for framework entries, units, plans and baskets (DESIGN.md §3 "Roll-up").</summary>
public class RollUpRulesTests
{
    [Fact]
    public void IndicatorCounts_CountEveryStatus_AndPercentOnTargetIgnoresThoseNotJudged()
    {
        // Seed 000's LAA set: 5 Green, 2 Amber, 3 Red, one data-only, two still to come in, one overdue.
        IndicatorStatus[] statuses =
        [
            .. Enumerable.Repeat(IndicatorStatus.Green, 5), .. Enumerable.Repeat(IndicatorStatus.Amber, 2),
            .. Enumerable.Repeat(IndicatorStatus.Red, 3), IndicatorStatus.NoTarget, IndicatorStatus.NotDue, IndicatorStatus.NotDue,
            IndicatorStatus.Missing,
        ];

        var counts = RollUpRules.Count(statuses);

        Assert.Equal(new IndicatorCounts(5, 2, 3, 1, 1, 2), counts);
        Assert.Equal(14, counts.Total);
        Assert.Equal(50m, counts.PercentOnTarget);
        Assert.Equal(IndicatorRules.PercentOnTarget(statuses), counts.PercentOnTarget);
    }

    [Fact]
    public void NothingJudged_HasNoPercentOnTarget()
    {
        var counts = RollUpRules.Count([IndicatorStatus.NotDue, IndicatorStatus.NoTarget]);

        Assert.Null(counts.PercentOnTarget);
        Assert.Equal(0, counts.Judged);
    }

    [Theory]
    [InlineData(ActionState.Completed, true, Rag.Red, ActionStatus.Complete)]
    [InlineData(ActionState.InProgress, true, Rag.Green, ActionStatus.Overdue)]
    [InlineData(ActionState.InProgress, false, Rag.Amber, ActionStatus.Amber)]
    [InlineData(ActionState.NotStarted, false, null, ActionStatus.NotAssessed)]
    [InlineData(ActionState.Cancelled, true, Rag.Red, null)]
    public void AnActionsStatus_IsCompleteThenOverdueThenItsLatestRag(ActionState state, bool overdue, Rag? rag, ActionStatus? expected)
    {
        Assert.Equal(expected, RollUpRules.StatusOf(state, overdue, rag));
    }

    [Fact]
    public void ActionCounts_LeaveCancelledOut_AndOnTrackCountsGreenAndComplete()
    {
        var counts = RollUpRules.Count([ActionStatus.Green, ActionStatus.Complete, ActionStatus.Red, ActionStatus.Overdue, ActionStatus.NotAssessed, null]);

        Assert.Equal(new ActionCounts(1, 0, 1, 1, 1, 1), counts);
        Assert.Equal(5, counts.Total);
        Assert.Equal(50m, counts.PercentOnTrack);
    }
}
