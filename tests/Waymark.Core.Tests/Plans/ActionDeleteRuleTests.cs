using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Plans;

/// <summary>When an action may be deleted: only in a draft plan, and only once it has no sub-actions.</summary>
public class ActionDeleteRuleTests
{
    [Theory]
    [InlineData(PlanState.Submitted, 0)]
    [InlineData(PlanState.Approved, 2)]
    [InlineData(PlanState.Published, 0)]
    public void WhyCannotDelete_APlanPastDraft_SaysReturnItToDraftFirst(PlanState state, int subActions) =>
        Assert.Equal(ActionEditor.NotDraftReason, ActionEditor.WhyCannotDelete(state, subActions));

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "This action has a sub-action. Delete or move it first.")]
    [InlineData(3, "This action has 3 sub-actions. Delete or move them first.")]
    public void WhyCannotDelete_InADraft_DependsOnItsSubActions(int subActions, string? expected) =>
        Assert.Equal(expected, ActionEditor.WhyCannotDelete(PlanState.Draft, subActions));
}
