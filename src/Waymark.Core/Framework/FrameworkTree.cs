using Waymark.Core.Periods;

namespace Waymark.Core.Framework;

/// <summary>One framework node as the tree needs it: no navigation properties, no tracking.</summary>
public sealed record FrameworkRow(
    int Id, int? ParentId, int SortOrder, string? Reference, string Title,
    string LevelKey, string LevelName, string LevelPluralName, Period? Start, Period? End, int ContributesToCount, int ContributedToByCount)
{
    /// <summary>
    /// Whether the node applies in the given period: it overlaps the node's start-to-end span. A node
    /// with no start applies from the beginning; with no end, for ever.
    /// </summary>
    public bool IsActiveIn(Period period) =>
        (Start is not { } s || s.Start <= period.End) && (End is not { } e || e.End >= period.Start);
}

public sealed record FrameworkTreeNode(FrameworkRow Row, IReadOnlyList<FrameworkTreeNode> Children)
{
    public int Id => Row.Id;

    /// <summary>This node and everything below it, depth first.</summary>
    public IEnumerable<FrameworkTreeNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.SelfAndDescendants())
            {
                yield return node;
            }
        }
    }
}

/// <summary>Builds the framework forest from flat rows.</summary>
public static class FrameworkTree
{
    /// <summary>
    /// Roots are rows with no parent, or whose parent is not among the rows (so a filtered set of
    /// rows still shows every row). Siblings are ordered by sort order, then reference.
    /// </summary>
    public static IReadOnlyList<FrameworkTreeNode> Build(IEnumerable<FrameworkRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows.ToList();
        var ids = all.Select(r => r.Id).ToHashSet();
        var byParent = all
            .Where(r => r.ParentId is { } p && ids.Contains(p))
            .ToLookup(r => r.ParentId!.Value);

        var visited = new HashSet<int>();
        FrameworkTreeNode Make(FrameworkRow row)
        {
            if (!visited.Add(row.Id))
            {
                throw new InvalidOperationException($"The framework has a cycle through node {row.Id}.");
            }

            return new FrameworkTreeNode(row, Order(byParent[row.Id]).Select(Make).ToList());
        }

        var roots = Order(all.Where(r => r.ParentId is not { } p || !ids.Contains(p))).Select(Make).ToList();
        if (visited.Count != all.Count)
        {
            // Rows never reached from a root can only sit on a parent cycle.
            throw new InvalidOperationException("The framework has a cycle: some nodes cannot be reached from a root.");
        }

        return roots;
    }

    /// <summary>Every financial year from the earliest start to the latest end among the rows.</summary>
    public static IReadOnlyList<Period> YearsSpanned(IEnumerable<FrameworkRow> rows, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var dates = rows.SelectMany(r => new[] { r.Start?.Start, r.End?.End }).OfType<DateOnly>().ToList();
        if (dates.Count == 0)
        {
            return [];
        }

        var years = new List<Period>();
        var last = Period.FinancialYearContaining(dates.Max(), yearStartMonth);
        for (var year = Period.FinancialYearContaining(dates.Min(), yearStartMonth); year.CompareTo(last) <= 0 && years.Count < 100; year = year.Next())
        {
            years.Add(year);
        }

        return years;
    }

    private static IEnumerable<FrameworkRow> Order(IEnumerable<FrameworkRow> rows) =>
        rows.OrderBy(r => r.SortOrder).ThenBy(r => r.Reference, StringComparer.Ordinal).ThenBy(r => r.Id);
}
