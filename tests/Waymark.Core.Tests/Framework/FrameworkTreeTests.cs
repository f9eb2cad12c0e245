using Waymark.Core.Framework;
using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Framework;

public class FrameworkTreeTests
{
    private static FrameworkRow Row(int id, int? parent, int order = 0, string? reference = null, Period? start = null, Period? end = null) =>
        new(id, parent, order, reference, $"Node {id}", "aim", "Aim", "Aims", start, end, 0, 0);

    [Fact]
    public void Build_NestsChildrenUnderParentsInSortOrder()
    {
        var tree = FrameworkTree.Build([Row(1, null), Row(3, 1, order: 2), Row(2, 1, order: 1), Row(4, 2)]);

        var root = Assert.Single(tree);
        Assert.Equal([2, 3], root.Children.Select(c => c.Id));
        Assert.Equal([4], root.Children[0].Children.Select(c => c.Id));
        Assert.Equal([1, 2, 4, 3], root.SelfAndDescendants().Select(n => n.Id));
    }

    [Fact]
    public void Build_RowWhoseParentIsMissing_BecomesARoot()
    {
        var tree = FrameworkTree.Build([Row(2, 1), Row(3, 2)]);

        Assert.Equal([2], tree.Select(n => n.Id));
    }

    [Fact]
    public void Build_ParentCycle_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => FrameworkTree.Build([Row(1, null), Row(2, 3), Row(3, 2)]));

        Assert.Contains("cycle", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2009, true)]
    [InlineData(2010, true)]
    [InlineData(2011, false)]
    [InlineData(2008, false)]
    public void IsActiveIn_ReflectsStartAndEndYears(int year, bool expected)
    {
        var row = Row(1, null, start: Period.FinancialYear(2009, 4), end: Period.FinancialYear(2010, 4));

        Assert.Equal(expected, row.IsActiveIn(Period.FinancialYear(year, 4)));
    }

    [Fact]
    public void IsActiveIn_UndatedNode_AppliesEveryYear()
    {
        Assert.True(Row(1, null).IsActiveIn(Period.FinancialYear(1999, 4)));
        Assert.True(Row(1, null, start: Period.FinancialYear(2009, 4)).IsActiveIn(Period.FinancialYear(2030, 4)));
    }

    [Fact]
    public void YearsSpanned_ListsEveryYearFromFirstStartToLastEnd()
    {
        var rows = new[]
        {
            Row(1, null, start: Period.FinancialYear(2009, 4), end: Period.FinancialYear(2010, 4)),
            Row(2, null, start: Period.FinancialYear(2011, 4), end: Period.FinancialYear(2011, 4)),
            Row(3, null),
        };

        var years = FrameworkTree.YearsSpanned(rows, 4).Select(y => y.Format(4));

        Assert.Equal(["2009/10", "2010/11", "2011/12"], years);
    }

    [Fact]
    public void YearsSpanned_NoDates_IsEmpty() => Assert.Empty(FrameworkTree.YearsSpanned([Row(1, null)], 4));
}
