using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Plans;

/// <summary>A milestone as a plan measures it, with every progress report made on it, latest period first.</summary>
public sealed record MilestoneHistory(Plan Plan, Milestone Milestone, IReadOnlyList<MilestoneProgress> Reports)
{
    public MilestoneProgress? Latest => MilestoneRules.Latest(Reports);
}

/// <summary>Reads milestones' progress for the milestone page, the plan API and returns.</summary>
public sealed class MilestoneProgressQueries(WaymarkDbContext db)
{
    /// <summary>The milestone with its reports, found only through a plan that measures it; null otherwise.</summary>
    public async Task<MilestoneHistory?> HistoryAsync(int planId, int milestoneId, CancellationToken ct = default)
    {
        var plan = await db.PlanMeasures.AnyAsync(m => m.MilestoneId == milestoneId && m.PlanObjective!.PlanId == planId, ct)
            ? await db.Plans.AsNoTracking().Include(p => p.Unit).SingleOrDefaultAsync(p => p.Id == planId, ct)
            : null;
        if (plan is null)
        {
            return null;
        }

        var milestone = await db.Milestones.AsNoTracking().Include(m => m.OwnerPost).ThenInclude(p => p!.Holder).Include(m => m.OwnerPerson).Include(m => m.Targets)
            .SingleOrDefaultAsync(m => m.Id == milestoneId, ct);
        if (milestone is null)
        {
            return null;
        }

        var reports = (await db.MilestoneProgress.AsNoTracking().Where(p => p.MilestoneId == milestoneId).ToListAsync(ct))
            .OrderByDescending(p => p.Period.End).ThenByDescending(p => p.Period.Start).ToList();
        return new MilestoneHistory(plan, milestone, reports);
    }

    /// <summary>The reports on the milestones a plan measures, by milestone.</summary>
    public async Task<ILookup<int, MilestoneProgress>> ForPlanAsync(int planId, CancellationToken ct = default)
    {
        var ids = await db.PlanMeasures.Where(m => m.PlanObjective!.PlanId == planId && m.MilestoneId != null).Select(m => m.MilestoneId!.Value).Distinct().ToListAsync(ct);
        return (await db.MilestoneProgress.AsNoTracking().Where(p => ids.Contains(p.MilestoneId)).ToListAsync(ct)).ToLookup(p => p.MilestoneId);
    }
}
