using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Framework;

namespace Waymark.Core.Units;

public sealed record UnitTreeNode(Unit Unit, IReadOnlyList<UnitTreeNode> Children);

public sealed record UnitDetail(
    Unit Unit,
    IReadOnlyList<Unit> Ancestors,
    IReadOnlyList<Unit> Children,
    IReadOnlyList<Person> People,
    IReadOnlyList<ObjectiveSummary> Objectives);

/// <summary>Reads the current organisation's structure.</summary>
public sealed class UnitQueries(WaymarkDbContext db)
{
    public async Task<IReadOnlyList<UnitTreeNode>> TreeAsync(CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking()
            .Include(u => u.HeadPost).ThenInclude(p => p!.Holder)
            .Include(u => u.Posts.OrderBy(p => p.SortOrder)).ThenInclude(p => p.Holder)
            .Include(u => u.PortfolioHolders.OrderBy(h => h.SortOrder)).ThenInclude(h => h.Person)
            .AsSplitQuery()
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .ToListAsync(cancellationToken);
        var byParent = units.ToLookup(u => u.ParentId);
        UnitTreeNode Make(Unit u) => new(u, byParent[u.Id].Select(Make).ToList());
        return byParent[null].Select(Make).ToList();
    }

    public async Task<UnitDetail?> DetailAsync(int id, CancellationToken cancellationToken = default)
    {
        var unit = await db.Units.AsNoTracking()
            .Include(u => u.HeadPost).ThenInclude(p => p!.Holder)
            .Include(u => u.Posts.OrderBy(p => p.SortOrder)).ThenInclude(p => p.Holder)
            .Include(u => u.PortfolioHolders.OrderBy(h => h.SortOrder)).ThenInclude(h => h.Person)
            .SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var ancestors = new List<Unit>();
        for (var parentId = unit.ParentId; parentId is { } pid && ancestors.Count < 50;)
        {
            var parent = await db.Units.AsNoTracking().SingleAsync(u => u.Id == pid, cancellationToken);
            ancestors.Insert(0, parent);
            parentId = parent.ParentId;
        }

        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == id)
            .Include(u => u.HeadPost).ThenInclude(p => p!.Holder)
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.UnitId == id)
            .OrderBy(o => o.Level!.SortOrder).ThenBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new ObjectiveSummary(o.Id, o.Reference, o.Title, o.Level!.Name))
            .ToListAsync(cancellationToken);
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == id)
            .OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return new UnitDetail(unit, ancestors, children, people, objectives);
    }
}
