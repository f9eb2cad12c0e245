using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Plans;

/// <summary>The keys of plan states and objective roles, read back exactly as they are written (the demo files use them).</summary>
public class PlanWordsTests
{
    [Fact]
    public void StatesByKey_HasEveryStateUnderItsKey_InTheirOrder()
    {
        Assert.Equal(["draft", "submitted", "approved", "published"], PlanWords.StatesByKey.Keys);
        Assert.All(Enum.GetValues<PlanState>(), s => Assert.Equal(s, PlanWords.StatesByKey[PlanWords.Key(s)]));
    }

    [Fact]
    public void RolesByKey_HasEveryRoleUnderItsKey_InTheirOrder()
    {
        Assert.Equal(["service-objective", "supporting-objective", "improvement-objective", "council-action"], PlanWords.RolesByKey.Keys);
        Assert.All(PlanWords.Roles, r => Assert.Equal(r, PlanWords.RolesByKey[PlanWords.Key(r)]));
    }

    [Fact]
    public void ByKey_TakesOnlyTheKeyAsWritten()
    {
        Assert.False(PlanWords.StatesByKey.ContainsKey("Draft"));
        Assert.False(PlanWords.RolesByKey.ContainsKey("Council action"));
    }
}
