using Waymark.Core.Accounts;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Plans;

/// <summary>The workflow's transitions and who may make them (DESIGN.md §2, docs/permissions.md), as plain functions.</summary>
public class PlanWorkflowRulesTests
{
    [Theory]
    [InlineData(PlanState.Draft, PlanState.Submitted, true)]
    [InlineData(PlanState.Draft, PlanState.Approved, false)]
    [InlineData(PlanState.Draft, PlanState.Published, false)]
    [InlineData(PlanState.Draft, PlanState.Draft, false)]
    [InlineData(PlanState.Submitted, PlanState.Approved, true)]
    [InlineData(PlanState.Submitted, PlanState.Draft, true)]
    [InlineData(PlanState.Submitted, PlanState.Published, false)]
    [InlineData(PlanState.Submitted, PlanState.Submitted, false)]
    [InlineData(PlanState.Approved, PlanState.Published, true)]
    [InlineData(PlanState.Approved, PlanState.Draft, true)]
    [InlineData(PlanState.Approved, PlanState.Submitted, false)]
    [InlineData(PlanState.Approved, PlanState.Approved, false)]
    [InlineData(PlanState.Published, PlanState.Draft, true)]
    [InlineData(PlanState.Published, PlanState.Submitted, false)]
    [InlineData(PlanState.Published, PlanState.Approved, false)]
    [InlineData(PlanState.Published, PlanState.Published, false)]
    public void CanMove_FollowsTheWorkflow(PlanState from, PlanState to, bool allowed)
    {
        Assert.Equal(allowed, PlanWorkflowRules.CanMove(from, to));
        Assert.Equal(allowed, PlanWorkflowRules.NextSteps(from).Contains(to));
        Assert.Equal(allowed, PlanWorkflowRules.WhyNotMove(from, to) is null);
    }

    [Theory]
    [InlineData(PlanState.Draft, PlanState.Approved, "Only a submitted plan can be approved; this plan is a draft")]
    [InlineData(PlanState.Published, PlanState.Approved, "Only a submitted plan can be approved; this plan is published")]
    [InlineData(PlanState.Approved, PlanState.Approved, "Only a submitted plan can be approved; this plan is already approved")]
    [InlineData(PlanState.Submitted, PlanState.Submitted, "Only a draft plan can be submitted; this plan is already submitted")]
    [InlineData(PlanState.Draft, PlanState.Published, "Only an approved plan can be published; this plan is a draft")]
    [InlineData(PlanState.Draft, PlanState.Draft, "Only a submitted, approved or published plan can be returned to draft; this plan is already a draft")]
    public void WrongMoves_SayWhyInWords(PlanState from, PlanState to, string reason) =>
        Assert.Equal(reason, PlanWorkflowRules.WhyNotMove(from, to));

    [Fact]
    public void OnlyTheMoveBackToDraft_NeedsAReason()
    {
        Assert.True(PlanWorkflowRules.NeedsReason(PlanState.Draft));
        Assert.False(PlanWorkflowRules.NeedsReason(PlanState.Submitted));
        Assert.False(PlanWorkflowRules.NeedsReason(PlanState.Approved));
        Assert.False(PlanWorkflowRules.NeedsReason(PlanState.Published));
    }

    private static Actor As(Role role, bool whole = false, bool readOnly = false) =>
        new(1, "Someone", 1, role, whole, new HashSet<int> { 10 }, null, new HashSet<int>(), readOnly);

    [Theory]
    [InlineData(Role.Administrator, PlanState.Draft, PlanState.Submitted, true)]
    [InlineData(Role.PerformanceOfficer, PlanState.Submitted, PlanState.Approved, true)]
    [InlineData(Role.PerformanceOfficer, PlanState.Approved, PlanState.Published, true)]
    [InlineData(Role.PerformanceOfficer, PlanState.Published, PlanState.Draft, true)]
    [InlineData(Role.ServiceManager, PlanState.Draft, PlanState.Submitted, true)]
    [InlineData(Role.ServiceManager, PlanState.Submitted, PlanState.Approved, false)]
    [InlineData(Role.ServiceManager, PlanState.Approved, PlanState.Published, false)]
    [InlineData(Role.ServiceManager, PlanState.Submitted, PlanState.Draft, true)] // withdrawing their own submitted plan
    [InlineData(Role.ServiceManager, PlanState.Approved, PlanState.Draft, false)]
    [InlineData(Role.ServiceManager, PlanState.Published, PlanState.Draft, false)]
    [InlineData(Role.LeadOfficer, PlanState.Draft, PlanState.Submitted, false)]
    [InlineData(Role.LeadOfficer, PlanState.Submitted, PlanState.Draft, false)]
    [InlineData(Role.Councillor, PlanState.Submitted, PlanState.Approved, false)]
    [InlineData(Role.Auditor, PlanState.Approved, PlanState.Published, false)]
    public void WhoMayMakeEachMove_InTheirUnit(Role role, PlanState from, PlanState to, bool allowed) =>
        Assert.Equal(allowed, PlanWorkflowRules.WhyNotAllowed(As(role), 10, from, to) is null);

    [Fact]
    public void AServiceManager_MayNotSubmitOrWithdrawAnotherUnitsPlan()
    {
        Assert.NotNull(PlanWorkflowRules.WhyNotAllowed(As(Role.ServiceManager), 99, PlanState.Draft, PlanState.Submitted));
        Assert.NotNull(PlanWorkflowRules.WhyNotAllowed(As(Role.ServiceManager), 99, PlanState.Submitted, PlanState.Draft));
    }

    [Fact]
    public void AReadOnlyToken_MayDoNothing()
    {
        foreach (var from in Enum.GetValues<PlanState>())
        {
            foreach (var to in PlanWorkflowRules.NextSteps(from))
            {
                Assert.Equal("This API token may only read. Nothing has been changed.",
                    PlanWorkflowRules.WhyNotAllowed(As(Role.Administrator, whole: true, readOnly: true), 10, from, to));
            }
        }
    }

    [Fact]
    public void AServiceManager_IsToldThatOnlyTheCentralTeamReturnsAnApprovedPlan() =>
        Assert.StartsWith("Only administrators and performance officers can return an approved plan to draft",
            PlanWorkflowRules.WhyNotAllowed(As(Role.ServiceManager), 10, PlanState.Approved, PlanState.Draft), StringComparison.Ordinal);
}
