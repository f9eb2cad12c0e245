using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Plans;

/// <summary>
/// How milestones' progress reads, from South Cambridgeshire's plan ("Adopt the Core Strategy", reported each quarter
/// of 2011/12) and the seed's R/A/G key.
/// </summary>
public class MilestoneRulesTests
{
    private static readonly Period Q2 = Period.Quarter(2011, 2, 4);
    private static readonly Period Q3 = Period.Quarter(2011, 3, 4);

    [Theory]
    [InlineData(MilestoneState.Achieved, Rag.Green)]
    [InlineData(MilestoneState.OnTrack, Rag.Green)]
    [InlineData(MilestoneState.AtRisk, Rag.Amber)]
    [InlineData(MilestoneState.MissedOrLate, Rag.Red)]
    public void Rag_ShowsAchievedAndOnTrackGreen_AtRiskAmber_MissedRed(MilestoneState state, Rag expected) =>
        Assert.Equal(expected, MilestoneRules.Rag(state));

    [Theory]
    [InlineData("at-risk", MilestoneState.AtRisk)]
    [InlineData("At risk", MilestoneState.AtRisk)]
    [InlineData("missed or late", MilestoneState.MissedOrLate)]
    [InlineData("LATE", MilestoneState.MissedOrLate)]
    [InlineData("on-track", MilestoneState.OnTrack)]
    [InlineData("Achieved", MilestoneState.Achieved)]
    public void Read_TakesTheCodeOrTheLabelInAnyCase(string text, MilestoneState expected) =>
        Assert.Equal(expected, MilestoneRules.Read(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("green")]
    public void Read_OtherWords_AreNotAState(string? text) => Assert.Null(MilestoneRules.Read(text));

    [Fact]
    public void Code_ReadsBackAsTheSameState()
    {
        foreach (var state in MilestoneRules.States)
        {
            Assert.Equal(state, MilestoneRules.Read(MilestoneRules.Code(state)));
        }
    }

    [Fact]
    public void Latest_IsTheReportForTheLatestPeriod_NotTheLastEntered()
    {
        var q3 = Report(Q3, MilestoneState.AtRisk, at: new DateTimeOffset(2012, 1, 10, 9, 0, 0, TimeSpan.Zero));
        var q2 = Report(Q2, MilestoneState.OnTrack, at: new DateTimeOffset(2012, 1, 12, 9, 0, 0, TimeSpan.Zero));

        Assert.Same(q3, MilestoneRules.Latest([q2, q3]));
        Assert.Null(MilestoneRules.Latest([]));
    }

    [Fact]
    public void Summary_SaysWhenAchievedOrWhenNowExpected()
    {
        var achieved = Report(Q3, MilestoneState.Achieved);
        achieved.AchievedOn = new DateOnly(2011, 12, 14);
        var late = Report(Q3, MilestoneState.MissedOrLate);
        late.RevisedMonth = Period.Month(2012, 6);

        Assert.Equal("Achieved on 14 December 2011", MilestoneRules.Summary(achieved, 4));
        Assert.Equal("Missed or late: now expected by Jun 2012", MilestoneRules.Summary(late, 4));
        Assert.Equal("At risk", MilestoneRules.Summary(Report(Q3, MilestoneState.AtRisk), 4));
    }

    [Fact]
    public void Meaning_IsTheColourInTheOrganisationsOwnWords()
    {
        var organisation = new Organisation { Name = "South Cambridgeshire District Council", ShortName = "SCDC", Slug = "scdc", RagKeyAmber = "Some slippage" };

        Assert.Equal("Amber — Some slippage", MilestoneRules.Meaning(MilestoneState.AtRisk, RagKey.For(organisation)));
        Assert.StartsWith("Red — ", MilestoneRules.Meaning(MilestoneState.MissedOrLate, RagKey.For(organisation)), StringComparison.Ordinal);
    }

    [Fact]
    public void AchievedOn_InTheFuture_IsRefused()
    {
        var today = new DateOnly(2012, 1, 16);

        Assert.Null(MilestoneRules.WhyNotAchievedOn(today, today));
        Assert.NotNull(MilestoneRules.WhyNotAchievedOn(today.AddDays(1), today));
    }

    [Fact]
    public void RevisedMonth_ThisMonthOrLater_IsAllowed_APastOneIsNot()
    {
        var today = new DateOnly(2012, 1, 16);

        Assert.Null(MilestoneRules.WhyNotRevisedMonth(Period.Month(2012, 1), today, 4));
        Assert.Contains("Dec 2011 has passed", MilestoneRules.WhyNotRevisedMonth(Period.Month(2011, 12), today, 4), StringComparison.Ordinal);
    }

    private static MilestoneProgress Report(Period period, MilestoneState state, DateTimeOffset? at = null) => new()
    {
        OrganisationId = 1, MilestoneId = 1, Period = period, State = state, EnteredByName = "Sam Taylor", EnteredAt = at ?? DateTimeOffset.UnixEpoch,
    };
}
