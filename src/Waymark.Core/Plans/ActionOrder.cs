namespace Waymark.Core.Plans;

/// <summary>
/// The order a plan lists its actions in, as the councils' plans print them: each action followed by its sub-actions
/// (steps), siblings by their sort order, then by when they were added. Sub-actions are numbered from 1 under each
/// action, so sorting a whole plan by sort order alone would put every step 1 after the first action. The plan's page,
/// its print, the API and the Word document all list actions in this order.
/// </summary>
public static class ActionOrder
{
    /// <summary>The actions in plan order, each with its depth (0 for an action, 1 for its step…).</summary>
    /// <remarks>An action whose parent is not among those given is listed as a top-level action, so nothing is lost.</remarks>
    public static IReadOnlyList<(T Item, int Depth)> WithDepth<T>(IEnumerable<T> items, Func<T, int> id, Func<T, int?> parentId, Func<T, int> sortOrder)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(parentId);
        ArgumentNullException.ThrowIfNull(sortOrder);
        var all = items.OrderBy(sortOrder).ThenBy(id).ToList();
        var ids = all.Select(id).ToHashSet();
        var children = all.Where(a => parentId(a) is { } p && ids.Contains(p)).ToLookup(a => parentId(a)!.Value);
        var ordered = new List<(T, int)>(all.Count);
        var seen = new HashSet<int>();

        void Visit(T item, int depth)
        {
            // A parent chain that loops back would otherwise never end; each action is listed once.
            if (!seen.Add(id(item)))
            {
                return;
            }

            ordered.Add((item, depth));
            foreach (var child in children[id(item)])
            {
                Visit(child, depth + 1);
            }
        }

        foreach (var root in all.Where(a => parentId(a) is not { } p || !ids.Contains(p)))
        {
            Visit(root, 0);
        }

        // Only a loop of parents leaves an action unvisited: list it rather than lose it.
        foreach (var rest in all.Where(a => !seen.Contains(id(a))))
        {
            Visit(rest, 0);
        }

        return ordered;
    }

    /// <summary>The actions in plan order.</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, int> id, Func<T, int?> parentId, Func<T, int> sortOrder) =>
        WithDepth(items, id, parentId, sortOrder).Select(x => x.Item).ToList();

    /// <summary>A plan's actions in plan order.</summary>
    public static IReadOnlyList<PlanAction> Sort(IEnumerable<PlanAction> actions) => Sort(actions, a => a.Id, a => a.ParentId, a => a.SortOrder);
}
