using Microsoft.EntityFrameworkCore;
using Waymark.Core.Editing;
using Waymark.Core.Periods;
using Waymark.Core.Risks;

namespace Waymark.Core.Tests.Risks;

/// <summary>Adding, changing, closing and reviewing risks, their controls and further actions, through the editors.</summary>
public class RiskEditingTests
{
    private static RiskEditor Editor(Core.Data.WaymarkDbContext db) => new(db, TimeProvider.System);

    [Fact]
    public async Task AServiceManager_AddsARiskToTheirUnit_WithTheNextReference_AndAReviewDateFromItsBand()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();

        var result = await Editor(db).CreateAsync(f.Manager, f.CommunitySafety());

        Assert.Equal(EditOutcome.Done, result.Outcome);
        var risk = await db.Risks.Include(r => r.Category).SingleAsync();
        Assert.Equal("R1", risk.Reference);
        Assert.Equal("Partnership", risk.Category!.Name);
        // 3 × 4 = 12 is High on the default 5×5: reviewed every 90 days.
        Assert.Equal(RiskFixture.Today.AddDays(90), risk.ReviewDue);
        Assert.Equal(1, await db.RiskMatrices.CountAsync());
    }

    [Fact]
    public async Task ARiskNeedsATitle_ACategoryOfTheMatrix_ScoresOnItsScales_AndAnOwner()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();

        var result = await Editor(db).CreateAsync(f.Officer, f.CommunitySafety() with
        {
            Title = " ", Category = "Weather", CurrentLikelihood = 6, OwnerPostId = null, TargetImpact = null,
        });

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("Enter a title", result.Errors[RiskFields.Title]);
        Assert.Equal("Select a category of the risk matrix", result.Errors[RiskFields.Category]);
        Assert.Equal("The current likelihood must be from 1 to 5", result.Errors[RiskFields.CurrentLikelihood]);
        Assert.Equal("Select the owner's post or person, or enter the owner's name", result.Errors[RiskFields.Owner]);
        Assert.Equal("Select the target impact", result.Errors[RiskFields.TargetImpact]);
    }

    [Fact]
    public async Task CouncillorsNeverWrite_AndServiceManagersOnlyInTheirUnits()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();

        var councillor = await Editor(db).CreateAsync(f.Councillor, f.CommunitySafety());
        var elsewhere = await Editor(db).CreateAsync(f.Manager, f.CommunitySafety() with { UnitId = f.OtherUnitId });
        var strategic = await Editor(db).CreateAsync(f.Manager, f.CommunitySafety() with { RegisterLevel = RiskRegisterLevel.Strategic });

        Assert.Equal(EditOutcome.Forbidden, councillor.Outcome);
        Assert.Equal(EditOutcome.Forbidden, elsewhere.Outcome);
        Assert.Equal(EditOutcome.Forbidden, strategic.Outcome);
        Assert.Equal(0, await db.Risks.CountAsync());
    }

    [Fact]
    public async Task AnotherOrganisationsRisk_IsNotFound()
    {
        var f = await RiskFixture.CreateAsync();
        var other = await RiskFixture.CreateAsync();
        int riskId;
        await using (var db = other.Context())
        {
            riskId = (await Editor(db).CreateAsync(other.Officer, other.CommunitySafety())).Record!.Id;
        }

        await using var mine = f.Context();
        var opened = await Editor(mine).OpenAsync(f.Administrator, riskId);

        Assert.Equal(EditOutcome.NotFound, opened.Outcome);
        Assert.Null(await new RiskQueries(mine, TimeProvider.System).RiskAsync(riskId));
    }

    [Fact]
    public async Task ClosingARisk_NeedsAReason_AndKeepsIt()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();
        var risk = (await Editor(db).CreateAsync(f.Officer, f.CommunitySafety())).Record!;

        var blank = await Editor(db).CloseAsync(f.Officer, risk.Id, risk.Version, "");
        var closed = await Editor(db).CloseAsync(f.Officer, risk.Id, risk.Version, "The partnership plan was delivered");

        Assert.Equal("Enter a reason", blank.Errors[RiskFields.Reason]);
        Assert.Equal(EditOutcome.Done, closed.Outcome);
        Assert.Equal(RiskState.Closed, closed.Record!.State);
        Assert.Equal("The partnership plan was delivered", closed.Record.ClosedReason);
    }

    [Fact]
    public async Task ASaveAgainstAnOlderVersion_IsAConflict()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();
        var risk = (await Editor(db).CreateAsync(f.Officer, f.CommunitySafety())).Record!;
        var first = risk.Version;
        await Editor(db).UpdateAsync(f.Officer, risk.Id, first, f.CommunitySafety() with { Title = "Changed" });

        var second = await Editor(db).UpdateAsync(f.Officer, risk.Id, first, f.CommunitySafety() with { Title = "Changed again" });

        Assert.Equal(EditOutcome.Conflict, second.Outcome);
        Assert.Equal("Changed", second.Record!.Title);
    }

    [Fact]
    public async Task AReview_BecomesTheCurrentScore_SetsTheNextReview_AndIsKeptInTheHistory()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();
        var risk = (await Editor(db).CreateAsync(f.Officer, f.CommunitySafety(current: 2, impact: 4))).Record!;

        var reviewed = await new RiskReviewEditor(db, TimeProvider.System).AddAsync(f.Owner, risk.Id, risk.Version, new RiskReviewInput
        {
            Likelihood = 4, Impact = 5, WhatChanged = "Partnership funding cut", Commentary = "Crime up in two wards",
        });

        Assert.Equal(EditOutcome.Done, reviewed.Outcome);
        Assert.Equal((4, 5), (reviewed.Record!.CurrentLikelihood, reviewed.Record.CurrentImpact));
        Assert.Equal(RiskFixture.Today.AddDays(90), reviewed.Record.ReviewDue);
        var review = await db.RiskReviews.SingleAsync();
        Assert.Equal(Period.Quarter(2011, 4, 4), review.Quarter);
        Assert.Equal("Jane Smith", review.ReviewerName);
        var detail = await new RiskQueries(db, TimeProvider.System).RiskAsync(risk.Id);
        Assert.Equal("Very high", detail!.CurrentBand!.Name);
        Assert.Equal(RiskMovement.New, detail.History.Single().Movement);
    }

    [Fact]
    public async Task AReviewNeedsCommentary_AndACouncillorCannotReview()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();
        var risk = (await Editor(db).CreateAsync(f.Officer, f.CommunitySafety())).Record!;
        var reviews = new RiskReviewEditor(db, TimeProvider.System);

        var empty = await reviews.AddAsync(f.Officer, risk.Id, null, new RiskReviewInput { Likelihood = 3 });
        var councillor = await reviews.AddAsync(f.Councillor, risk.Id, null, new RiskReviewInput { Likelihood = 3, Impact = 3, Commentary = "x" });

        Assert.Equal("Select the impact", empty.Errors[RiskFields.Impact]);
        Assert.Equal("Enter a commentary", empty.Errors[RiskFields.Commentary]);
        Assert.Equal(EditOutcome.Forbidden, councillor.Outcome);
    }

    [Fact]
    public async Task ControlsAndFurtherActions_AreAddedToTheRisk_WithTheirEffectivenessAndDueMonth()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();
        var risk = (await Editor(db).CreateAsync(f.Manager, f.CommunitySafety())).Record!;

        var control = await new RiskControlEditor(db).AddAsync(f.Manager, risk.Id, new RiskControlInput
        {
            Description = "Partnership board meets monthly", OwnerPostId = f.PostId, Effectiveness = ControlEffectiveness.Adequate,
        });
        var missing = await new RiskControlEditor(db).AddAsync(f.Manager, risk.Id, new RiskControlInput { Description = "No grade" });
        var action = await new RiskActionEditor(db).AddAsync(f.Manager, risk.Id, new RiskActionInput
        {
            Text = "Agree a joint tasking protocol", LeadName = "Community Safety Manager", Due = "Mar 12", Rag = Core.Plans.Rag.Amber,
        });

        Assert.Equal(EditOutcome.Done, control.Outcome);
        Assert.Equal("Select how effective the control is", missing.Errors[RiskFields.Effectiveness]);
        Assert.Equal(EditOutcome.Done, action.Outcome);
        Assert.Equal(Period.Month(2012, 3), action.Record!.DueMonth);
        var detail = await new RiskQueries(db, TimeProvider.System).RiskAsync(risk.Id);
        Assert.Equal(Core.Plans.Rag.Amber, detail!.Actions.Single().Rag);
        Assert.Equal(ControlEffectiveness.Adequate, detail.Risk.Controls.Single().Effectiveness);
    }
}
