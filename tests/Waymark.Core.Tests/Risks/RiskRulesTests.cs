using Waymark.Core.Periods;
using Waymark.Core.Risks;

namespace Waymark.Core.Tests.Risks;

/// <summary>
/// The risk register's rules on the matrices councils use: 5×5 (Stockton, every register in committee papers) and 4×4
/// (South Cambridgeshire's partnership risks, whose indicator counts "likelihood scores that are 2 or less").
/// </summary>
public class RiskRulesTests
{
    private const int April = 4;
    private static readonly RiskMatrix FiveByFive = RiskMatrixDefaults.Create();
    private static readonly RiskMatrix FourByFour = RiskMatrixDefaults.Create(4, 4);

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 5, 20)]
    [InlineData(5, 5, 25)]
    [InlineData(2, 4, 8)]
    public void TheScore_IsLikelihoodTimesImpact(int likelihood, int impact, int score) =>
        Assert.Equal(score, RiskRules.Score(likelihood, impact));

    [Theory]
    [InlineData(1, "Low")]
    [InlineData(4, "Low")]
    [InlineData(5, "Medium")]
    [InlineData(9, "Medium")]
    [InlineData(10, "High")]
    [InlineData(16, "High")]
    [InlineData(20, "Very high")]
    [InlineData(25, "Very high")]
    public void OnA5x5_TheDefaultBands_Are1To4Low_5To9Medium_10To16High_20To25VeryHigh(int score, string band) =>
        Assert.Equal(band, RiskRules.Band(FiveByFive.Bands, score)?.Name);

    [Theory]
    [InlineData(2, 1, "Low")]
    [InlineData(2, 2, "Medium")]
    [InlineData(3, 3, "High")]
    [InlineData(4, 3, "Very high")]
    [InlineData(4, 4, "Very high")]
    public void OnA4x4_EveryScoreHasABand(int likelihood, int impact, string band) =>
        Assert.Equal(band, RiskRules.Band(FourByFour.Bands, RiskRules.Score(likelihood, impact))?.Name);

    [Fact]
    public void TheDefaultBands_CoverEveryReachableScoreOnce_OnEverySize()
    {
        foreach (var size in new[] { 3, 4, 5, 6, 7 })
        {
            var matrix = RiskMatrixDefaults.Create(size, size);

            Assert.Null(RiskRules.BandProblem(size, size, matrix.Bands));
        }
    }

    [Fact]
    public void BandsThatLeaveAScoreOut_AreRefusedWithTheScore()
    {
        var bands = RiskMatrixDefaults.Bands(5, 5).ToList();
        bands[1].MaxScore = 8;

        Assert.Equal("No band covers a score of 9: the bands must cover every score from 1 to 25", RiskRules.BandProblem(5, 5, bands));
    }

    [Fact]
    public void OverlappingBands_AreRefused()
    {
        var bands = RiskMatrixDefaults.Bands(5, 5).ToList();
        bands[2].MinScore = 8;

        Assert.Equal("A score of 8 is in more than one band: the bands must not overlap", RiskRules.BandProblem(5, 5, bands));
    }

    [Fact]
    public void A4x4Matrix_HasFourLikelihoodLevels_OfWhichTwoAre2OrLess()
    {
        var likelihood = FourByFour.Levels.Where(l => l.Scale == RiskScale.Likelihood).ToList();

        Assert.Equal(4, FourByFour.LikelihoodLevels);
        Assert.Equal([1, 2, 3, 4], likelihood.Select(l => l.Level));
        Assert.Equal(["Unlikely", "Possible"], likelihood.Where(l => l.Level <= 2).Select(l => l.Name));
        Assert.Equal(16, RiskRules.ReachableScores(4, 4).Max());
    }

    [Fact]
    public void TheDefaultMatrix_DefinesFinancialImpactFrom10KToOver1m_AndTheFourCategories()
    {
        var financial = FiveByFive.ImpactTypes.Single(t => t.Name == "Financial");

        Assert.Equal("£0–10K", financial.Criteria.Single(c => c.Level == 1).Text);
        Assert.Equal("Over £1m", financial.Criteria.Single(c => c.Level == 5).Text);
        Assert.Equal(["Financial", "Reputation", "Service delivery", "Health and safety"], FiveByFive.ImpactTypes.Select(t => t.Name));
        Assert.Equal(["Strategic", "Service", "Partnership", "Project"], FiveByFive.Categories.Select(c => c.Name));
    }

    [Theory]
    [InlineData(25, 90)]
    [InlineData(12, 90)]
    [InlineData(6, 180)]
    [InlineData(2, 360)]
    public void TheNextReview_IsTheBandsInterval_AfterTheAssessment(int score, int days)
    {
        var assessed = new DateOnly(2012, 1, 16);

        Assert.Equal(assessed.AddDays(days), RiskRules.ReviewDue(FiveByFive.Bands, score, assessed));
    }

    [Fact]
    public void AReviewIsOverdue_OnlyAfterItsDueDate()
    {
        var due = new DateOnly(2012, 1, 16);

        Assert.False(RiskRules.IsReviewOverdue(due, due));
        Assert.True(RiskRules.IsReviewOverdue(due, due.AddDays(1)));
        Assert.False(RiskRules.IsReviewOverdue(null, due));
    }

    [Theory]
    [InlineData(10, 9, true)]
    [InlineData(9, 9, false)]
    [InlineData(25, null, false)]
    public void AboveAppetite_MeansAScoreHigherThanTheCategoryLimit(int score, int? appetite, bool above) =>
        Assert.Equal(above, RiskRules.AboveAppetite(score, appetite));

    [Fact]
    public void TheDefaultAppetite_AcceptsMediumRisks_AndEscalatesVeryHigh()
    {
        Assert.All(FiveByFive.Categories, c => Assert.Equal(9, c.AppetiteScore));
        Assert.Equal(16, FiveByFive.EscalationScore);
        Assert.Equal(11, FourByFour.EscalationScore);
    }

    [Fact]
    public void RedForQuarters_CountsTheQuartersInARowInARedBand_CarryingAScoreUntilItIsReviewed()
    {
        var q1 = Period.Quarter(2011, 1, April);
        var reviews = new[] { (q1, 12), (q1.Next(), 20), (q1.Next().Next().Next(), 25) };

        Assert.Equal(0, RiskRules.RedForQuarters(reviews, FiveByFive.Bands, q1));
        Assert.Equal(1, RiskRules.RedForQuarters(reviews, FiveByFive.Bands, q1.Next()));
        Assert.Equal(3, RiskRules.RedForQuarters(reviews, FiveByFive.Bands, q1.Next().Next().Next()));
    }

    [Fact]
    public void RedForQuarters_StartsAgain_WhenTheScoreLeavesTheRedBand()
    {
        var q1 = Period.Quarter(2011, 1, April);
        var reviews = new[] { (q1, 20), (q1.Next(), 12), (q1.Next().Next(), 16), (q1.Next().Next().Next(), 20) };

        Assert.Equal(1, RiskRules.RedForQuarters(reviews, FiveByFive.Bands, q1.Next().Next().Next()));
        Assert.Equal(0, RiskRules.RedForQuarters([], FiveByFive.Bands, q1));
    }

    [Theory]
    [InlineData(null, 12, RiskMovement.New)]
    [InlineData(12, 16, RiskMovement.Up)]
    [InlineData(16, 12, RiskMovement.Down)]
    [InlineData(12, 12, RiskMovement.Same)]
    public void Movement_ComparesWithLastQuartersScore(int? last, int current, RiskMovement movement) =>
        Assert.Equal(movement, RiskRules.Movement(last, current));

    [Theory]
    [InlineData(RiskRegisterLevel.Service, RiskState.Open, 20, 16, true)]
    [InlineData(RiskRegisterLevel.Service, RiskState.Open, 16, 16, false)]
    [InlineData(RiskRegisterLevel.Strategic, RiskState.Open, 25, 16, false)]
    [InlineData(RiskRegisterLevel.Service, RiskState.Closed, 25, 16, false)]
    [InlineData(RiskRegisterLevel.Service, RiskState.Open, 25, null, false)]
    public void AnOpenServiceRiskAboveTheEscalationScore_IsProposedForTheStrategicRegister(
        RiskRegisterLevel level, RiskState state, int score, int? threshold, bool proposed) =>
        Assert.Equal(proposed, RiskRules.ProposeEscalation(level, state, score, threshold));

    [Fact]
    public void TheNextReference_FollowsTheHighestOfItsRegister()
    {
        Assert.Equal("SR4", RiskRules.NextReference(RiskRegisterLevel.Strategic, ["SR1", "SR3", "R9"]));
        Assert.Equal("R1", RiskRules.NextReference(RiskRegisterLevel.Service, ["SR1"]));
    }
}
