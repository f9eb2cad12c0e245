using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Plans;

/// <summary>Overdue and "no Green without a revised date" (DESIGN.md §3), with the seeds' dates.</summary>
public class ActionRulesTests
{
    private const int April = 4;
    private static readonly Period March2010 = Period.Month(2010, 3);

    [Theory]
    [InlineData(2010, 3, 31, ActionState.InProgress, false)] // the last day of the due month: not yet overdue
    [InlineData(2010, 4, 1, ActionState.InProgress, true)]
    [InlineData(2010, 4, 1, ActionState.NotStarted, true)]
    [InlineData(2010, 4, 1, ActionState.Deferred, true)]
    [InlineData(2010, 4, 1, ActionState.Completed, false)]
    [InlineData(2010, 4, 1, ActionState.Cancelled, false)]
    public void Overdue_IsPastTheDueMonthAndNotCompleted(int year, int month, int day, ActionState state, bool overdue) =>
        Assert.Equal(overdue, ActionRules.IsOverdue(March2010, state, new DateOnly(year, month, day)));

    [Fact]
    public void OpenEndedAction_IsNeverOverdue() =>
        Assert.False(ActionRules.IsOverdue(null, ActionState.InProgress, new DateOnly(2030, 1, 1)));

    [Theory]
    [InlineData(ActionState.NotStarted, false, true)]
    [InlineData(ActionState.InProgress, false, true)]
    [InlineData(ActionState.Deferred, false, true)]
    [InlineData(ActionState.InProgress, true, false)]
    [InlineData(ActionState.Completed, false, false)]
    [InlineData(ActionState.Cancelled, false, false)]
    public void NeedsUpdate_IsAnOpenActionWithoutThisQuartersUpdate(ActionState state, bool hasUpdate, bool needs) =>
        Assert.Equal(needs, ActionRules.NeedsUpdate(state, hasUpdate));

    [Fact]
    public void ActionTerms_NameEveryKindStateAndRag_AndReadTheirOwnWords()
    {
        Assert.All(Enum.GetValues<ActionKind>(), k => Assert.True(ActionTerms.TryRead(ActionTerms.Word(k), ActionTerms.Kinds, out var read) && read == k));
        Assert.All(Enum.GetValues<ActionState>(), s => Assert.True(ActionTerms.TryRead(ActionTerms.Word(s), ActionTerms.States, out var read) && read == s));
        Assert.All(Enum.GetValues<Rag>(), r => Assert.True(ActionTerms.TryRead(ActionTerms.Word(r), ActionTerms.Rags, out var read) && read == r));
        Assert.Equal("in-progress", ActionTerms.Word(ActionState.InProgress));
        Assert.True(ActionTerms.TryRead(" Completed ", ActionTerms.States, out var completed) && completed == ActionState.Completed);
        Assert.False(ActionTerms.TryRead("done", ActionTerms.States, out _));
        Assert.False(ActionTerms.TryRead(null, ActionTerms.Kinds, out _));
    }

    [Fact]
    public void OverdueAction_CannotBeGreen_UntilItsDueDateIsRevised()
    {
        var action = new PlanAction { Title = "Carry out a review by 2010 of CCTV", DueMonth = March2010, State = ActionState.InProgress };
        var today = new DateOnly(2010, 7, 1);

        var before = ActionRules.WhyNotGreen(action, today, April);
        action.RevisedDueMonth = Period.Month(2010, 12);
        var after = ActionRules.WhyNotGreen(action, today, April);

        Assert.Contains("due by Mar 2010", before, StringComparison.Ordinal);
        Assert.Null(after);
    }

    [Theory]
    [InlineData("Mar 10", 2010, 3)]
    [InlineData("May 09", 2009, 5)]
    [InlineData("From Apr 09", 2009, 4)]
    [InlineData("March 2011", 2011, 3)]
    [InlineData("End March 2010", 2010, 3)]
    [InlineData("31st March 2012", 2012, 3)]
    [InlineData("31st September 2011", 2011, 9)]
    [InlineData("Sept 2011", 2011, 9)]
    [InlineData("Jan-Feb 09", 2009, 2)]
    [InlineData("March – April 09", 2009, 4)]
    [InlineData("up to Sept 09", 2009, 9)]
    [InlineData("March 2010 (at least partly in operation)", 2010, 3)]
    public void MonthOf_ReadsTheMonthAsPlansWriteIt(string text, int year, int month) =>
        Assert.Equal(Period.Month(year, month), ActionRules.MonthOf(text, April));

    [Theory]
    [InlineData("Ongoing")]
    [InlineData("Continuous")]
    [InlineData("As set out under actions")]
    [InlineData("2010/11")]
    [InlineData("See Actions")]
    [InlineData("")]
    public void MonthOf_OpenEndedOrOtherText_IsNone(string text) => Assert.Null(ActionRules.MonthOf(text, April));
}
