using Waymark.Core.Indicators;
using Waymark.Core.Performance;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Performance;

/// <summary>Every exception rule (DESIGN.md §3 "Exceptions"), and the organisation's settings turning kinds off.</summary>
public class ExceptionRulesTests
{
    private const int April = 4;
    private static readonly DateOnly Today = new(2012, 1, 16);
    private static readonly DateOnly PastDeadline = new(2011, 11, 14);

    private static List<ExceptionKind> Kinds(
        IndicatorStatus[] statuses, decimal?[]? values = null, bool hasValue = true, DateOnly? deadline = null, bool action = true,
        ExceptionSettings? settings = null, Polarity polarity = Polarity.HigherIsBetter) =>
        ExceptionRules.ForIndicator(settings ?? ExceptionSettings.Default, statuses, values ?? statuses.Select(_ => (decimal?)null).ToArray(),
            polarity, 0, null, hasValue, deadline ?? PastDeadline, Today, action).Select(f => f.Kind).ToList();

    [Fact]
    public void ARedValue_IsRed_AndRedWithoutActionWhenNoOpenActionIsLinked()
    {
        Assert.Equal([ExceptionKind.Red], Kinds([IndicatorStatus.Green, IndicatorStatus.Red]));
        Assert.Equal([ExceptionKind.Red, ExceptionKind.RedWithoutAction], Kinds([IndicatorStatus.Green, IndicatorStatus.Red], action: false));
    }

    [Fact]
    public void RedForNPeriods_IsPersisting_AndSaysHowLong()
    {
        var findings = ExceptionRules.ForIndicator(
            ExceptionSettings.Default with { RedPeriods = 3 },
            [IndicatorStatus.Red, IndicatorStatus.Green, IndicatorStatus.Red, IndicatorStatus.Red, IndicatorStatus.Red, IndicatorStatus.Red],
            [null, null, null, null, null, null], Polarity.HigherIsBetter, 0, null, true, PastDeadline, Today, true);

        var persisting = Assert.Single(findings, f => f.Kind == ExceptionKind.RedPersisting);
        Assert.Equal(4, persisting.RedPeriods);
        Assert.DoesNotContain(ExceptionKind.RedPersisting, Kinds([IndicatorStatus.Green, IndicatorStatus.Red, IndicatorStatus.Red]));
    }

    [Fact]
    public void AmberTwoPeriodsRunning_IsAnException_OnceIsNot()
    {
        Assert.Equal([ExceptionKind.AmberTwice], Kinds([IndicatorStatus.Amber, IndicatorStatus.Amber]));
        Assert.Empty(Kinds([IndicatorStatus.Red, IndicatorStatus.Amber]));
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, 86, 84, 82, true)]
    [InlineData(Polarity.HigherIsBetter, 86, 84, 85, false)]
    [InlineData(Polarity.LowerIsBetter, 8, 9, 10, true)]
    [InlineData(Polarity.LowerIsBetter, 8, 9, 9, false)]
    [InlineData(Polarity.DataOnly, 3, 2, 1, false)]
    public void WorseningTwoPeriodsRunning_InTheGoodDirection(Polarity polarity, double a, double b, double c, bool expected)
    {
        decimal?[] values = [(decimal)a, (decimal)b, (decimal)c];

        Assert.Equal(expected, ExceptionRules.IsWorseningTwice(values, polarity, 1, null));
        Assert.Equal(expected, Kinds([IndicatorStatus.Green, IndicatorStatus.Green, IndicatorStatus.Green], values, polarity: polarity).Contains(ExceptionKind.WorseningTwice));
    }

    [Fact]
    public void AValueMissing_IsAnExceptionOnlyOnceTheDeadlineHasPassed()
    {
        Assert.Equal([ExceptionKind.MissingAtDeadline], Kinds([IndicatorStatus.Missing], hasValue: false, deadline: new DateOnly(2012, 1, 15)));
        Assert.Empty(Kinds([IndicatorStatus.NotDue], hasValue: false, deadline: new DateOnly(2012, 1, 16)));
    }

    [Fact]
    public void TheRoundsDeadline_WinsOverTheOrganisationsRule()
    {
        var q3 = Period.Quarter(2011, 3, April);

        Assert.Equal(new DateOnly(2012, 1, 30), ExceptionRules.Deadline(q3, null, 30));
        Assert.Equal(new DateOnly(2012, 1, 13), ExceptionRules.Deadline(q3, new DateOnly(2012, 1, 13), 30));
    }

    [Fact]
    public void KindsTurnedOff_AreNotReported()
    {
        var settings = new ExceptionSettings(ExceptionKinds.All & ~ExceptionKinds.Red & ~ExceptionKinds.OverdueAction, 3);

        Assert.Equal([ExceptionKind.RedWithoutAction], Kinds([IndicatorStatus.Red], action: false, settings: settings));
        Assert.Empty(ExceptionRules.ForAction(settings, isOverdue: true));
        Assert.Single(ExceptionRules.ForAction(ExceptionSettings.Default, isOverdue: true));
    }

    [Fact]
    public void AMilestone_IsMissedWhenReportedSo_OrPastItsMonthWithoutBeingAchieved()
    {
        // Seed 001: "Parish plan toolkit launched — May 09".
        var may09 = Period.Month(2009, 5);

        Assert.True(ExceptionRules.IsMissed(MilestoneState.MissedOrLate, null, Today));
        Assert.True(ExceptionRules.IsMissed(MilestoneState.OnTrack, may09, new DateOnly(2009, 6, 1)));
        Assert.False(ExceptionRules.IsMissed(MilestoneState.Achieved, may09, new DateOnly(2009, 6, 1)));
        Assert.False(ExceptionRules.IsMissed(null, may09, new DateOnly(2009, 5, 31)));
        Assert.Equal([ExceptionKind.MissedMilestone], ExceptionRules.ForMilestone(ExceptionSettings.Default, true).Select(f => f.Kind));
    }

    [Fact]
    public void EveryKind_HasACodeThatReadsBack()
    {
        foreach (var kind in Enum.GetValues<ExceptionKind>())
        {
            Assert.Equal(kind, ExceptionRules.Read(ExceptionRules.Code(kind)));
            Assert.NotEmpty(ExceptionRules.Text(kind));
        }

        Assert.Null(ExceptionRules.Read("purple"));
    }
}
