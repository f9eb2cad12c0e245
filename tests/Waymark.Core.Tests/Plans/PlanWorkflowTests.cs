using Microsoft.EntityFrameworkCore;
using Waymark.Core.Editing;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Plans;

/// <summary>Plans moved through the workflow on the provider under test: steps recorded, refusals, reasons, versions.</summary>
public class PlanWorkflowTests
{
    [Fact]
    public async Task ThePlanGoesThroughEveryStep_AndEachIsRecordedWithWhoWhenAndComment()
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync();

        var version = plan.Version;
        foreach (var (move, actor, comment, state) in new (Func<PlanWorkflow, Waymark.Core.Accounts.Actor, Guid, string?, Task<EditResult<Plan>>>, Waymark.Core.Accounts.Actor, string?, PlanState)[]
                 {
                     ((w, a, v, c) => w.SubmitAsync(a, plan.Id, v, c), f.Manager, "Ready for Management Team", PlanState.Submitted),
                     ((w, a, v, c) => w.ApproveAsync(a, plan.Id, v, c), f.Officer, null, PlanState.Approved),
                     ((w, a, v, c) => w.PublishAsync(a, plan.Id, v, c), f.Administrator, "  Agreed by Cabinet  ", PlanState.Published),
                     ((w, a, v, c) => w.ReturnToDraftAsync(a, plan.Id, v, c), f.Officer, "Budget figures changed", PlanState.Draft),
                 })
        {
            await using var db = f.Context();
            var result = await move(PlanFixture.Workflow(db), actor, version, comment);
            Assert.Equal(EditOutcome.Done, result.Outcome);
            Assert.Equal(state, result.Record!.State);
            Assert.NotEqual(version, result.Record.Version);
            version = result.Record.Version;
        }

        await using var check = f.Context();
        Assert.Equal(PlanState.Draft, (await check.Plans.SingleAsync()).State);
        var steps = await PlanFixture.Workflow(check).StepsAsync(plan.Id);
        Assert.Equal(
            [(PlanState.Draft, PlanState.Submitted), (PlanState.Submitted, PlanState.Approved), (PlanState.Approved, PlanState.Published), (PlanState.Published, PlanState.Draft)],
            steps.Select(s => (s.From, s.To)).ToList());
        Assert.Equal(["Ready for Management Team", null, "Agreed by Cabinet", "Budget figures changed"], steps.Select(s => s.Comment).ToList());
        Assert.Equal(["Sam Manager", "Pat Performance", "Ada Administrator", "Pat Performance"], steps.Select(s => s.ByName).ToList());
        Assert.Equal([3, 1, 2, 1], steps.Select(s => s.ByUserId ?? 0).ToList());
        Assert.All(steps, s => Assert.Equal(PlanFixture.Now, s.At));
        Assert.Contains(await check.AuditEntries.ToListAsync(), e => e.EntityType == nameof(PlanStep) && e.Action == "Created");
    }

    [Theory]
    [InlineData(PlanState.Draft, "approve", "Only a submitted plan can be approved; this plan is a draft")]
    [InlineData(PlanState.Approved, "approve", "Only a submitted plan can be approved; this plan is already approved")]
    [InlineData(PlanState.Draft, "publish", "Only an approved plan can be published; this plan is a draft")]
    [InlineData(PlanState.Submitted, "publish", "Only an approved plan can be published; this plan is submitted")]
    [InlineData(PlanState.Submitted, "submit", "Only a draft plan can be submitted; this plan is already submitted")]
    [InlineData(PlanState.Published, "submit", "Only a draft plan can be submitted; this plan is published")]
    [InlineData(PlanState.Draft, "return", "Only a submitted, approved or published plan can be returned to draft; this plan is already a draft")]
    public async Task WrongMoves_AreRefusedWithTheReason_AndChangeNothing(PlanState state, string move, string reason)
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync(state);
        await using var db = f.Context();

        var result = await MoveAsync(PlanFixture.Workflow(db), move, f.Officer, plan.Id, plan.Version, "A reason");

        Assert.Equal(EditOutcome.Refused, result.Outcome);
        Assert.Equal(reason, result.Reason);
        await using var check = f.Context();
        Assert.Equal(state, (await check.Plans.SingleAsync()).State);
        Assert.Empty(await check.PlanSteps.ToListAsync());
    }

    [Theory]
    [InlineData(PlanState.Submitted)]
    [InlineData(PlanState.Approved)]
    [InlineData(PlanState.Published)]
    public async Task ReturnToDraft_WithoutAReason_IsAnErrorOnTheReason(PlanState state)
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync(state);
        await using var db = f.Context();

        var result = await PlanFixture.Workflow(db).ReturnToDraftAsync(f.Officer, plan.Id, plan.Version, "   ");

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("Enter a reason for returning the plan to draft", result.Errors[PlanWorkflow.CommentField]);
        await using var check = f.Context();
        Assert.Equal(state, (await check.Plans.SingleAsync()).State);
    }

    [Fact]
    public async Task ACommentTooLong_IsAnError()
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync();
        await using var db = f.Context();

        var result = await PlanFixture.Workflow(db).SubmitAsync(f.Manager, plan.Id, plan.Version, new string('x', PlanLimits.ShortTextMaxLength + 1));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains("2,000 characters or fewer", result.Errors[PlanWorkflow.CommentField], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSubmitter_MayWithdrawTheirSubmittedPlan_ButNotReturnAnApprovedOne()
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync();
        await using (var db = f.Context())
        {
            var submitted = await PlanFixture.Workflow(db).SubmitAsync(f.Manager, plan.Id, plan.Version, null);
            var withdrawn = await PlanFixture.Workflow(db).ReturnToDraftAsync(f.Manager, plan.Id, submitted.Record!.Version, "Missing the workforce section");
            Assert.Equal(EditOutcome.Done, withdrawn.Outcome);
            Assert.Equal(PlanState.Draft, withdrawn.Record!.State);
        }

        var approved = await f.NewPlanAsync(PlanState.Approved, "Approved plan", PlanFixture.Year2011.Next());
        await using (var db = f.Context())
        {
            var result = await PlanFixture.Workflow(db).ReturnToDraftAsync(f.Manager, approved.Id, approved.Version, "Second thoughts");
            Assert.Equal(EditOutcome.Forbidden, result.Outcome);
            Assert.Contains("Only administrators and performance officers can return an approved plan to draft", result.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("publish")]
    public async Task AServiceManager_CannotApproveOrPublish(string move)
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync(move == "approve" ? PlanState.Submitted : PlanState.Approved);
        await using var db = f.Context();

        var result = await MoveAsync(PlanFixture.Workflow(db), move, f.Manager, plan.Id, plan.Version, null);

        Assert.Equal(EditOutcome.Forbidden, result.Outcome);
        Assert.Equal("Only administrators and performance officers can approve or publish a plan.", result.Reason);
    }

    [Fact]
    public async Task OnlyThoseWhoMayChangeThePlan_MaySubmitIt()
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync();
        await using var db = f.Context();

        foreach (var actor in new[] { f.OtherManager, f.Lead, f.Councillor })
        {
            var result = await PlanFixture.Workflow(db).SubmitAsync(actor, plan.Id, plan.Version, null);
            Assert.Equal(EditOutcome.Forbidden, result.Outcome);
        }

        Assert.Equal(EditOutcome.Forbidden, (await PlanFixture.Workflow(db).SubmitAsync(null, plan.Id, plan.Version, null)).Outcome);
        Assert.Equal(EditOutcome.NotFound, (await PlanFixture.Workflow(db).SubmitAsync(f.Officer, plan.Id + 1000, plan.Version, null)).Outcome);
    }

    [Fact]
    public async Task AStaleVersion_IsAConflictWithTheCurrentPlan()
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync();
        await using (var db = f.Context())
        {
            var edited = await db.Plans.SingleAsync();
            edited.Title = "Renamed by someone else";
            await db.SaveChangesAsync();
        }

        await using var db2 = f.Context();
        var result = await PlanFixture.Workflow(db2).SubmitAsync(f.Manager, plan.Id, plan.Version, null);

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Equal("Renamed by someone else", result.Record!.Title);
        Assert.Equal(PlanState.Draft, result.Record.State);
        await using var check = f.Context();
        Assert.Empty(await check.PlanSteps.ToListAsync());
    }

    [Fact]
    public async Task NoVersion_IsAnError()
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync();
        await using var db = f.Context();

        var result = await PlanFixture.Workflow(db).SubmitAsync(f.Manager, plan.Id, null, null);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey("version"));
    }

    private static Task<EditResult<Plan>> MoveAsync(PlanWorkflow workflow, string move, Waymark.Core.Accounts.Actor actor, int id, Guid version, string? comment) => move switch
    {
        "submit" => workflow.SubmitAsync(actor, id, version, comment),
        "approve" => workflow.ApproveAsync(actor, id, version, comment),
        "publish" => workflow.PublishAsync(actor, id, version, comment),
        _ => workflow.ReturnToDraftAsync(actor, id, version, comment),
    };
}
