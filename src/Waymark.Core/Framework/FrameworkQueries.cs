using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Periods;

namespace Waymark.Core.Framework;

public sealed record ObjectiveSummary(int Id, string? Reference, string Title, string LevelName);

public sealed record ObjectiveDetail(
    Objective Objective,
    IReadOnlyList<ObjectiveSummary> Ancestors,
    IReadOnlyList<ObjectiveSummary> Children,
    IReadOnlyList<ObjectiveSummary> ContributesTo,
    IReadOnlyList<ObjectiveSummary> ContributedToBy);

/// <summary>Reads the current organisation's framework (the DbContext's filter scopes every query).</summary>
public sealed class FrameworkQueries(WaymarkDbContext db)
{
    public async Task<IReadOnlyList<FrameworkLevel>> LevelsAsync(CancellationToken cancellationToken = default) =>
        await db.FrameworkLevels.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(cancellationToken);

    /// <summary>The framework as a forest; with <paramref name="activeIn"/>, only nodes that apply in that period.</summary>
    public async Task<IReadOnlyList<FrameworkTreeNode>> TreeAsync(Period? activeIn = null, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(cancellationToken);
        return FrameworkTree.Build(activeIn is { } period ? rows.Where(r => r.IsActiveIn(period)) : rows);
    }

    /// <summary>The financial years the framework's dated nodes span, earliest first.</summary>
    public async Task<IReadOnlyList<Period>> YearsAsync(int yearStartMonth, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(cancellationToken);
        return FrameworkTree.YearsSpanned(rows, yearStartMonth);
    }

    private async Task<List<FrameworkRow>> RowsAsync(CancellationToken cancellationToken) =>
        await db.Objectives.AsNoTracking()
            .Select(o => new FrameworkRow(
                o.Id, o.ParentId, o.SortOrder, o.Reference, o.Title, o.Level!.Key, o.Level.Name, o.Level.PluralName,
                o.StartPeriod, o.EndPeriod, o.ContributesTo.Count, o.ContributedToBy.Count))
            .ToListAsync(cancellationToken);

    public async Task<ObjectiveDetail?> DetailAsync(int id, CancellationToken cancellationToken = default)
    {
        var objective = await db.Objectives.AsNoTracking()
            .Include(o => o.Level)
            .Include(o => o.Unit)
            .Include(o => o.OwnerPost).ThenInclude(p => p!.Holder)
            .Include(o => o.OwnerPerson)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (objective is null)
        {
            return null;
        }

        var ancestors = new List<ObjectiveSummary>();
        for (var parentId = objective.ParentId; parentId is { } pid && ancestors.Count < 50;)
        {
            var parent = await db.Objectives.AsNoTracking().Where(o => o.Id == pid)
                .Select(o => new { Summary = new ObjectiveSummary(o.Id, o.Reference, o.Title, o.Level!.Name), o.ParentId })
                .SingleAsync(cancellationToken);
            ancestors.Insert(0, parent.Summary);
            parentId = parent.ParentId;
        }

        var children = await db.Objectives.AsNoTracking().Where(o => o.ParentId == id)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new ObjectiveSummary(o.Id, o.Reference, o.Title, o.Level!.Name))
            .ToListAsync(cancellationToken);
        var contributesTo = await db.ObjectiveLinks.AsNoTracking().Where(l => l.FromObjectiveId == id)
            .OrderBy(l => l.ToObjective!.Level!.SortOrder).ThenBy(l => l.ToObjective!.SortOrder).ThenBy(l => l.Id)
            .Select(l => new ObjectiveSummary(l.ToObjectiveId, l.ToObjective!.Reference, l.ToObjective.Title, l.ToObjective.Level!.Name))
            .ToListAsync(cancellationToken);
        var contributedToBy = await db.ObjectiveLinks.AsNoTracking().Where(l => l.ToObjectiveId == id)
            .OrderBy(l => l.FromObjective!.Level!.SortOrder).ThenBy(l => l.FromObjective!.SortOrder).ThenBy(l => l.Id)
            .Select(l => new ObjectiveSummary(l.FromObjectiveId, l.FromObjective!.Reference, l.FromObjective.Title, l.FromObjective.Level!.Name))
            .ToListAsync(cancellationToken);

        return new ObjectiveDetail(objective, ancestors, children, contributesTo, contributedToBy);
    }
}
