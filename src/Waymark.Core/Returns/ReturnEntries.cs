using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Rounds;

namespace Waymark.Core.Returns;

/// <summary>
/// Which returns have anything entered: what turns "not started" into "in progress" (<see cref="ReturnRules.Effective(ReturnState, bool)"/>)
/// on every list, as the return's own page judges it. Worked out from the records themselves rather than stored, so that
/// every way of entering a value, an update or a milestone's progress (pages, API, bulk, import) counts without each of
/// them having to tell the return.
/// </summary>
internal static class ReturnEntries
{
    /// <summary>Of <paramref name="returnIds"/>, those with at least one item entered, in a few queries.</summary>
    public static async Task<IReadOnlySet<int>> StartedAsync(WaymarkDbContext db, IReadOnlyCollection<int> returnIds, CancellationToken ct)
    {
        if (returnIds.Count == 0)
        {
            return new HashSet<int>();
        }

        var items = await db.RoundReturnItems.AsNoTracking().Where(i => returnIds.Contains(i.ReturnId))
            .Select(i => new { i.ReturnId, i.Kind, i.IndicatorId, i.ValuePeriod, i.ActionId, i.MilestoneId, i.Return!.Round!.Period })
            .ToListAsync(ct);
        var indicatorIds = items.Where(i => i.IndicatorId is not null).Select(i => i.IndicatorId!.Value).Distinct().ToList();
        var actionIds = items.Where(i => i.ActionId is not null).Select(i => i.ActionId!.Value).Distinct().ToList();
        var milestoneIds = items.Where(i => i.MilestoneId is not null).Select(i => i.MilestoneId!.Value).Distinct().ToList();
        var values = (await db.IndicatorValues.AsNoTracking().Where(v => indicatorIds.Contains(v.IndicatorId))
            .Select(v => new { v.IndicatorId, v.Period }).ToListAsync(ct)).Select(v => (v.IndicatorId, v.Period)).ToHashSet();
        var updates = (await db.ActionUpdates.AsNoTracking().Where(u => actionIds.Contains(u.ActionId))
            .Select(u => new { u.ActionId, u.Quarter }).ToListAsync(ct)).Select(u => (u.ActionId, u.Quarter)).ToHashSet();
        var progress = (await db.MilestoneProgress.AsNoTracking().Where(p => milestoneIds.Contains(p.MilestoneId))
            .Select(p => new { p.MilestoneId, p.Period }).ToListAsync(ct)).Select(p => (p.MilestoneId, p.Period)).ToHashSet();
        return items.Where(i => i.Kind switch
        {
            RoundItemKind.IndicatorValue => values.Contains((i.IndicatorId ?? 0, i.ValuePeriod ?? i.Period)),
            RoundItemKind.ActionProgress => updates.Contains((i.ActionId ?? 0, i.Period)),
            RoundItemKind.MilestoneProgress => progress.Contains((i.MilestoneId ?? 0, i.Period)),
            _ => false,
        }).Select(i => i.ReturnId).ToHashSet();
    }
}
