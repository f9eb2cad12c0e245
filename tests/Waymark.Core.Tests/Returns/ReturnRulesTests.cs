using Waymark.Core.Accounts;
using Waymark.Core.Returns;
using Waymark.Core.Rounds;

namespace Waymark.Core.Tests.Returns;

public class ReturnRulesTests
{
    private const int Owner = 10;
    private const int Unit = 3;
    private const int HeadPost = 30;

    private static Actor Person(int personId, Role role = Role.LeadOfficer, int[]? units = null, int[]? posts = null, bool readOnly = false) =>
        new(personId + 100, $"Person {personId}", 1, role, false, new HashSet<int>(units ?? []), personId, new HashSet<int>(posts ?? []), readOnly);

    private static ItemFacts Item(int id, bool entered) =>
        new(id, RoundItemKind.IndicatorValue, $"SC001 Household waste recycled, Q3 2011/12 ({id})", entered, false, false);

    [Fact]
    public void Effective_NotStartedBecomesInProgress_OnceAnythingIsEntered()
    {
        Assert.Equal(ReturnState.NotStarted, ReturnRules.Effective(ReturnState.NotStarted, [Item(1, false), Item(2, false)]));
        Assert.Equal(ReturnState.InProgress, ReturnRules.Effective(ReturnState.NotStarted, [Item(1, true), Item(2, false)]));
        Assert.Equal(ReturnState.Submitted, ReturnRules.Effective(ReturnState.Submitted, [Item(1, true)]));
    }

    [Fact]
    public void WhyCannotSubmit_ListsEachMissingItem()
    {
        var why = ReturnRules.WhyCannotSubmit(Person(Owner), Owner, ReturnState.InProgress, false, [Item(1, true), Item(2, false), Item(3, false)]);

        Assert.NotNull(why);
        Assert.Contains("2 items are still missing", why, StringComparison.Ordinal);
        Assert.Contains("(2)", why, StringComparison.Ordinal);
        Assert.Contains("(3)", why, StringComparison.Ordinal);
        Assert.DoesNotContain("(1)", why, StringComparison.Ordinal);
    }

    [Fact]
    public void WhyCannotSubmit_NothingMissing_TheOwnerMaySubmit_FromInProgressOrReturned()
    {
        Assert.Null(ReturnRules.WhyCannotSubmit(Person(Owner), Owner, ReturnState.InProgress, false, [Item(1, true)]));
        Assert.Null(ReturnRules.WhyCannotSubmit(Person(Owner), Owner, ReturnState.Returned, false, [Item(1, true)]));
    }

    [Fact]
    public void WhyCannotSubmit_RefusesSomeoneElse_ASubmittedOrSignedOffReturn_AndAClosedRound()
    {
        Assert.Contains("Only the owner", ReturnRules.WhyCannotSubmit(Person(11, Role.PerformanceOfficer), Owner, ReturnState.InProgress, false, [Item(1, true)]), StringComparison.Ordinal);
        Assert.Contains("with your manager", ReturnRules.WhyCannotSubmit(Person(Owner), Owner, ReturnState.Submitted, false, [Item(1, true)]), StringComparison.Ordinal);
        Assert.Contains("signed off", ReturnRules.WhyCannotSubmit(Person(Owner), Owner, ReturnState.SignedOff, false, [Item(1, true)]), StringComparison.Ordinal);
        Assert.Contains("round is closed", ReturnRules.WhyCannotSubmit(Person(Owner), Owner, ReturnState.InProgress, true, [Item(1, true)]), StringComparison.Ordinal);
        Assert.NotNull(ReturnRules.WhyCannotSubmit(Person(Owner, readOnly: true), Owner, ReturnState.InProgress, false, [Item(1, true)]));
    }

    [Fact]
    public void IsEditableByOwner_OnlyWhileWithThemInAnOpenRound()
    {
        Assert.True(ReturnRules.IsEditableByOwner(ReturnState.NotStarted, false));
        Assert.True(ReturnRules.IsEditableByOwner(ReturnState.Returned, false));
        Assert.False(ReturnRules.IsEditableByOwner(ReturnState.Submitted, false));
        Assert.False(ReturnRules.IsEditableByOwner(ReturnState.SignedOff, false));
        Assert.False(ReturnRules.IsEditableByOwner(ReturnState.InProgress, true));
    }

    [Fact]
    public void CanManage_TheUnitsHead_AServiceManagerWithTheUnit_AndTheCentralTeam_ButNeverTheOwner()
    {
        Assert.True(ReturnRules.CanManage(Person(20, Role.LeadOfficer, posts: [HeadPost]), Unit, HeadPost, Owner));
        Assert.True(ReturnRules.CanManage(Person(21, Role.ServiceManager, units: [Unit]), Unit, HeadPost, Owner));
        Assert.True(ReturnRules.CanManage(Person(22, Role.PerformanceOfficer), Unit, HeadPost, Owner));
        Assert.True(ReturnRules.CanManage(Person(27, Role.Administrator), Unit, HeadPost, Owner));

        Assert.False(ReturnRules.CanManage(Person(23, Role.ServiceManager, units: [Unit + 1]), Unit, HeadPost, Owner));
        Assert.False(ReturnRules.CanManage(Person(24, Role.LeadOfficer), Unit, HeadPost, Owner));
        Assert.False(ReturnRules.CanManage(Person(25, Role.Auditor), Unit, HeadPost, Owner));
        Assert.False(ReturnRules.CanManage(Person(22, Role.PerformanceOfficer, readOnly: true), Unit, HeadPost, Owner));
        Assert.False(ReturnRules.CanManage(Person(Owner, Role.ServiceManager, units: [Unit], posts: [HeadPost]), Unit, HeadPost, Owner));
    }

    [Fact]
    public void CanRead_TheOwnerManagersAndThePerformanceTeam_NotOtherOfficers()
    {
        Assert.True(ReturnRules.CanRead(Person(Owner), Unit, HeadPost, Owner));
        Assert.True(ReturnRules.CanRead(Person(26, Role.Auditor), Unit, HeadPost, Owner));
        Assert.True(ReturnRules.CanRead(Person(27, Role.Administrator), Unit, HeadPost, Owner));
        Assert.False(ReturnRules.CanRead(Person(28, Role.LeadOfficer), Unit, HeadPost, Owner));
        Assert.False(ReturnRules.CanRead(Person(29, Role.Councillor), Unit, HeadPost, Owner));
        Assert.False(ReturnRules.CanRead(null, Unit, HeadPost, Owner));
    }

    [Theory]
    [InlineData(ReturnState.Submitted, false, null)]
    [InlineData(ReturnState.SignedOff, false, "already been signed off")]
    [InlineData(ReturnState.Returned, false, "returned to its owner")]
    [InlineData(ReturnState.InProgress, false, "not been submitted")]
    [InlineData(ReturnState.Submitted, true, "round is closed")]
    public void WhyCannotReview_OnlyASubmittedReturnInAnOpenRound(ReturnState state, bool closed, string? expected)
    {
        var why = ReturnRules.WhyCannotReview(state, closed);

        if (expected is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(expected, why, StringComparison.Ordinal);
        }
    }
}
