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

    /// <summary>
    /// The milestones the actor owns (themselves or through a post they hold), each with a plan the actor may read that
    /// measures it and its reports, by plan title then milestone title; a milestone two plans measure is listed once a plan.
    /// </summary>
    public async Task<IReadOnlyList<MilestoneHistory>> OwnedAsync(Accounts.Actor? actor, CancellationToken ct = default)
    {
        if (actor is null || (actor.PersonId is null && actor.PostIds.Count == 0))
        {
            return [];
        }

        var personId = actor.PersonId;
        var postIds = actor.PostIds.ToList();
        var milestones = await db.Milestones.AsNoTracking().Include(m => m.Targets)
            .Where(m => (personId != null && m.OwnerPersonId == personId) || (m.OwnerPostId != null && postIds.Contains(m.OwnerPostId.Value)))
            .ToDictionaryAsync(m => m.Id, ct);
        if (milestones.Count == 0)
        {
            return [];
        }

        var ids = milestones.Keys.ToList();
        var measured = await db.PlanMeasures.AsNoTracking().Where(m => m.MilestoneId != null && ids.Contains(m.MilestoneId.Value))
            .Select(m => new { MilestoneId = m.MilestoneId!.Value, m.PlanObjective!.PlanId }).Distinct().ToListAsync(ct);
        var planIds = measured.Select(m => m.PlanId).Distinct().ToList();
        var plans = (await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToListAsync(ct))
            .Where(p => Accounts.Permissions.CanReadPlan(actor, p.OrganisationId, p.State)).ToDictionary(p => p.Id);
        var reports = (await db.MilestoneProgress.AsNoTracking().Where(p => ids.Contains(p.MilestoneId)).ToListAsync(ct)).ToLookup(p => p.MilestoneId);
        return [.. measured.Where(m => plans.ContainsKey(m.PlanId))
            .Select(m => new MilestoneHistory(plans[m.PlanId], milestones[m.MilestoneId],
                [.. reports[m.MilestoneId].OrderByDescending(p => p.Period.End).ThenByDescending(p => p.Period.Start)]))
            .OrderBy(h => h.Plan.Title, StringComparer.CurrentCulture).ThenBy(h => h.Plan.Id)
            .ThenBy(h => h.Milestone.Title, StringComparer.CurrentCulture).ThenBy(h => h.Milestone.Id)];
    }

    /// <summary>The reports on the milestones a plan measures, by milestone.</summary>
    public async Task<ILookup<int, MilestoneProgress>> ForPlanAsync(int planId, CancellationToken ct = default)
    {
        var ids = await db.PlanMeasures.Where(m => m.PlanObjective!.PlanId == planId && m.MilestoneId != null).Select(m => m.MilestoneId!.Value).Distinct().ToListAsync(ct);
        return (await db.MilestoneProgress.AsNoTracking().Where(p => ids.Contains(p.MilestoneId)).ToListAsync(ct)).ToLookup(p => p.MilestoneId);
    }
}
