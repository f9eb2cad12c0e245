using Microsoft.EntityFrameworkCore;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Performance;

public sealed partial class PerformanceQueries
{
    /// <summary>
    /// The organisation's exceptions in <paramref name="period"/>: every indicator, action and milestone judged
    /// (<see cref="RowsAsync"/>), keeping those with an exception, within <paramref name="unitId"/> and the units below
    /// it when one is given. The roll-up is of every item in the unit, not only the exceptions.
    /// </summary>
    public async Task<PerformanceRows> ExceptionsAsync(Organisation organisation, Period period, int? unitId, CancellationToken ct = default)
    {
        var rows = await RowsAsync(organisation, period, null, null, null, ct);
        HashSet<int>? units = null;
        if (unitId is { } id)
        {
            var all = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
            units = new Units(all.ToDictionary(u => u.Id, u => (u.Name, u.ParentId)), Enumerable.Empty<string>().ToLookup(_ => 0)).AndBelow(id);
        }

        bool InUnit(PerformanceItem item) => units is null || (item.UnitId is { } u && units.Contains(u));
        var indicators = rows.Indicators.Where(InUnit).ToList();
        var actions = rows.Actions.Where(InUnit).ToList();
        return rows with
        {
            Indicators = indicators.Where(r => r.Exceptions.Count > 0).ToList(),
            Actions = actions.Where(r => r.Exceptions.Count > 0).ToList(),
            Milestones = rows.Milestones.Where(r => InUnit(r) && r.Exceptions.Count > 0).ToList(),
            RollUp = RollUpRules.Of(indicators.Select(r => r.Status), actions.Select(r => r.Status)),
        };
    }

    /// <summary>The roll-up of a framework entry (null when it is not one of the organisation's): the indicators that measure it and the actions under it, and those of every entry below it or contributing to it.</summary>
    public async Task<PerformanceRows?> ObjectiveAsync(Organisation organisation, Period period, int objectiveId, CancellationToken ct = default)
    {
        if (!await db.Objectives.AnyAsync(o => o.Id == objectiveId, ct))
        {
            return null;
        }

        // Down the golden thread: the entries beneath it, and those that contribute to it (and so on down).
        var links = (await db.Objectives.AsNoTracking().Where(o => o.ParentId != null).Select(o => new { ParentId = o.ParentId!.Value, ChildId = o.Id }).ToListAsync(ct))
            .Concat(await db.ObjectiveLinks.AsNoTracking().Select(l => new { ParentId = l.ToObjectiveId, ChildId = l.FromObjectiveId }).ToListAsync(ct))
            .ToList();
        var below = new HashSet<int> { objectiveId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var l in links)
            {
                if (below.Contains(l.ParentId) && below.Add(l.ChildId))
                {
                    grew = true;
                }
            }
        }

        var ids = below.ToList();
        var indicatorIds = await db.IndicatorObjectives.AsNoTracking().Where(l => ids.Contains(l.ObjectiveId)).Select(l => l.IndicatorId).Distinct().ToListAsync(ct);
        var actionIds = await db.PlanActions.AsNoTracking().Where(a => a.ObjectiveId != null && ids.Contains(a.ObjectiveId.Value)).Select(a => a.Id).ToListAsync(ct);
        return await RowsAsync(organisation, period, indicatorIds, actionIds, [], ct);
    }

    /// <summary>The roll-up of a unit (null when not found): the indicators it (or a unit below it) owns and the actions of its plans and theirs.</summary>
    public async Task<PerformanceRows?> UnitAsync(Organisation organisation, Period period, int unitId, CancellationToken ct = default)
    {
        var all = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        if (all.All(u => u.Id != unitId))
        {
            return null;
        }

        var units = new Units(all.ToDictionary(u => u.Id, u => (u.Name, u.ParentId)), Enumerable.Empty<string>().ToLookup(_ => 0)).AndBelow(unitId).ToList();
        var indicatorIds = await db.Indicators.AsNoTracking().Where(i => i.UnitId != null && units.Contains(i.UnitId.Value)).Select(i => i.Id).ToListAsync(ct);
        var actionIds = await db.PlanActions.AsNoTracking().Where(a => a.Plan!.UnitId != null && units.Contains(a.Plan.UnitId.Value)).Select(a => a.Id).ToListAsync(ct);
        return await RowsAsync(organisation, period, indicatorIds, actionIds, [], ct);
    }

    /// <summary>The roll-up of a plan (null when not found): the indicators and milestones that measure its objectives, and its actions.</summary>
    public async Task<PerformanceRows?> PlanAsync(Organisation organisation, Period period, int planId, CancellationToken ct = default)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct))
        {
            return null;
        }

        var measures = await db.PlanMeasures.AsNoTracking().Where(m => m.PlanObjective!.PlanId == planId)
            .Select(m => new { m.IndicatorId, m.MilestoneId }).ToListAsync(ct);
        var actionIds = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId).Select(a => a.Id).ToListAsync(ct);
        return await RowsAsync(organisation, period,
            measures.Where(m => m.IndicatorId != null).Select(m => m.IndicatorId!.Value).Distinct().ToList(), actionIds,
            measures.Where(m => m.MilestoneId != null).Select(m => m.MilestoneId!.Value).Distinct().ToList(), ct);
    }
}
