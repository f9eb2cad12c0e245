using Microsoft.EntityFrameworkCore;
using Waymark.Core.Demo;
using Waymark.Core.Periods;
using Waymark.Core.Risks;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Demo;

/// <summary>The demo councils' risk registers, loaded from Demo/Risks: the seeds' risks as written, demonstration scores.</summary>
public class DemoRiskLoaderTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public async Task SouthCambridgeshire_HasSeed000sSixteenRisksAnd001sFour_LinkedToTheirPlans()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var risks = await db.Risks.Include(r => r.Links).ThenInclude(l => l.Plan).ToListAsync();

        Assert.Equal(20, risks.Count);
        Assert.Equal(16, risks.Count(r => r.Links.Any(l => l.Plan!.Title.Contains("2009/10 to 2011/12", StringComparison.Ordinal))));
        Assert.All(risks, r => Assert.True(r.IsDemonstration));
        var safety = risks.Single(r => r.Reference == "R1");
        Assert.Equal(
            ("Failure to deliver community safety targets", "poor assessment of CDRP", "unfavourable review by Government Office"),
            (safety.Cause, safety.Event, safety.Consequence));
    }

    [Fact]
    public async Task SouthCambridgeshire_Uses4x4_AndEveryScoreIsOnIt()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var matrix = await db.RiskMatrices.Include(m => m.Bands).SingleAsync();
        var risks = await db.Risks.Include(r => r.Reviews).ToListAsync();

        Assert.Equal((4, 4), (matrix.LikelihoodLevels, matrix.ImpactLevels));
        Assert.All(risks, r => Assert.InRange(r.CurrentLikelihood * r.CurrentImpact, 1, 16));
        Assert.All(risks.SelectMany(r => r.Reviews), v => Assert.InRange(v.Likelihood, 1, 4));
    }

    [Fact]
    public async Task OpenRisks_HaveTwoQuartersOfDemonstrationReviews_AndAReviewDateFromTheirBand()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var bands = await db.RiskScoreBands.ToListAsync();
        var open = await db.Risks.Include(r => r.Reviews).Where(r => r.State == RiskState.Open).ToListAsync();

        Assert.Equal(16, open.Count);
        Assert.All(open, r => Assert.Equal([Period.Quarter(2011, 2, 4), Period.Quarter(2011, 3, 4)], r.Reviews.Select(v => v.Quarter).Order()));
        Assert.All(open.SelectMany(r => r.Reviews), v => Assert.True(v.IsDemonstration));
        Assert.All(open, r => Assert.Equal(RiskRules.ReviewDue(bands, r.CurrentLikelihood * r.CurrentImpact, r.LastReviewedOn!.Value), r.ReviewDue));
        Assert.Contains(open, r => RiskRules.IsReviewOverdue(r.ReviewDue, DemoSettings.DefaultAsAt));
    }

    [Fact]
    public async Task RestatedRisks_AreClosedWithTheirSuccessor_AndTheCorvuRiskIsProposedForTheStrategicRegister()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var closed = await db.Risks.Where(r => r.State == RiskState.Closed).OrderBy(r => r.Id).ToListAsync();
        var escalation = await db.RiskEscalations.Include(e => e.Risk).SingleAsync();

        Assert.Equal(["R2", "R8", "R10", "R11"], closed.Select(r => r.Reference));
        Assert.Equal("Restated in the 2011/12 service plan as R18", closed.Single(r => r.Reference == "R8").ClosedReason);
        Assert.Equal(("R18", EscalationState.Proposed, 12), (escalation.Risk!.Reference, escalation.State, escalation.ProposedScore));
        var matrix = await db.RiskMatrices.SingleAsync();
        Assert.True(RiskRules.ProposeEscalation(escalation.Risk.RegisterLevel, escalation.Risk.State, escalation.ProposedScore, matrix.EscalationScore));
    }

    [Fact]
    public async Task Stockton_Uses5x5_WithAnEmptyRegister()
    {
        var (db, _) = await fixture.EnterAsync("stockton-on-tees");
        await using var _db = db;

        var matrix = await db.RiskMatrices.SingleAsync();

        Assert.Equal((5, 5), (matrix.LikelihoodLevels, matrix.ImpactLevels));
        Assert.Equal(0, await db.Risks.CountAsync());
    }
}
