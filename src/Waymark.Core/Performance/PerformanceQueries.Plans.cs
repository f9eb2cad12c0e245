using Microsoft.EntityFrameworkCore;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Performance;

public sealed partial class PerformanceQueries
{
    /// <summary>The actions' rows: the actions with their plans and leads, and their updates of the period's year and the year before.</summary>
    private async Task<IReadOnlyList<PerformanceActionRow>> ActionRowsAsync(RowContext context, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var query = db.PlanActions.AsNoTracking().Include(a => a.Plan)
            .Include(a => a.Leads).ThenInclude(l => l.Post!).ThenInclude(p => p.Holder)
            .Include(a => a.Leads).ThenInclude(l => l.Person).AsSplitQuery();
        if (ids is not null)
        {
            query = query.Where(a => ids.Contains(a.Id));
        }

        var actions = await query.OrderBy(a => a.PlanId).ThenBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);
        if (actions.Count == 0)
        {
            return [];
        }

        var quarters = Period.QuartersOf(context.Year.Previous(), context.Ysm).Concat(Period.QuartersOf(context.Year, context.Ysm))
            .Where(q => q.End <= context.Period.End).ToList();
        var updateQuery = db.ActionUpdates.AsNoTracking().Where(u => quarters.Contains(u.Quarter));
        if (ids is not null)
        {
            updateQuery = updateQuery.Where(u => ids.Contains(u.ActionId));
        }

        var latest = (await updateQuery.ToListAsync(ct)).GroupBy(u => u.ActionId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.Quarter).ThenByDescending(u => u.Id).First());
        var rows = actions.Select(a => ActionRow(context, a, latest.GetValueOrDefault(a.Id)));
        if (ids is null)
        {
            return rows.ToList();
        }

        var order = ids.Distinct().Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n);
        return rows.OrderBy(r => order[r.Id]).ToList();
    }

    private static PerformanceActionRow ActionRow(RowContext context, PlanAction action, ActionUpdate? latest)
    {
        var asAt = context.AsAt;
        // Completed after the period: it was still open at the period's end.
        var state = action.State == ActionState.Completed && action.CompletedOn is { } on && on > asAt ? ActionState.InProgress : action.State;
        var due = action.EffectiveDueMonth;
        var overdue = ActionRules.IsOverdue(due, state, asAt);
        var status = RollUpRules.StatusOf(state, overdue, latest?.Rag);
        var owner = string.Join("; ", action.Leads.Select(l => l.Post is { } post ? post.Describe() : l.Person?.Name ?? l.Name).Where(n => !string.IsNullOrWhiteSpace(n)));
        var unitId = action.Plan?.UnitId;
        var link = action.PlanId is { } planId ? context.Path($"plans/{planId}/actions/{action.Id}") : context.Path("plans");
        return new PerformanceActionRow(
            action.Id, action.PlanId, action.Plan?.Title, string.IsNullOrWhiteSpace(action.Reference) ? action.Title : $"{action.Reference} {action.Title}",
            status, latest?.Rag, due, overdue, ForecastRules.Forecast(latest?.YearEndForecast, latest?.Rag),
            latest?.Commentary, latest?.Remedial, owner.Length == 0 ? null : owner, context.Units.PortfolioHolder(unitId), link,
            unitId, context.Units.Name(unitId))
        {
            MonthsOverdue = overdue && due is { } d ? MonthsBetween(d.End, asAt) : null,
            Exceptions = ExceptionRules.ForAction(context.Settings, overdue),
        };
    }

    /// <summary>The milestones' rows: the milestones with their owners and targets, the plans that measure by them, and their reports.</summary>
    private async Task<IReadOnlyList<PerformanceMilestoneRow>> MilestoneRowsAsync(RowContext context, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var query = db.Milestones.AsNoTracking().Include(m => m.OwnerPost!).ThenInclude(p => p.Holder).Include(m => m.OwnerPerson).Include(m => m.Targets).AsSplitQuery();
        if (ids is not null)
        {
            query = query.Where(m => ids.Contains(m.Id));
        }

        var milestones = await query.OrderBy(m => m.Id).ToListAsync(ct);
        if (milestones.Count == 0)
        {
            return [];
        }

        var found = milestones.Select(m => m.Id).ToList();
        var plans = (await db.PlanMeasures.AsNoTracking().Where(m => m.MilestoneId != null && found.Contains(m.MilestoneId.Value))
                .Select(m => new { MilestoneId = m.MilestoneId!.Value, m.PlanObjective!.PlanId, m.PlanObjective.Plan!.UnitId, m.Id }).ToListAsync(ct))
            .GroupBy(m => m.MilestoneId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Id).First());
        var reports = (await db.MilestoneProgress.AsNoTracking().Where(r => found.Contains(r.MilestoneId)).ToListAsync(ct))
            .Where(r => r.Period.End <= context.Period.End).ToLookup(r => r.MilestoneId);
        var rows = milestones.Select(m =>
        {
            var plan = plans.GetValueOrDefault(m.Id);
            var latest = MilestoneRules.Latest(reports[m.Id]);
            var target = m.Targets.FirstOrDefault(t => t.Year == context.Year);
            var due = ActionRules.MonthOf(target?.Text, context.Ysm);
            var missed = ExceptionRules.IsMissed(latest?.State, due, context.AsAt);
            var owner = IndicatorQueries.OwnerText(m.OwnerPost, m.OwnerPerson);
            var link = plan is null ? context.Path("plans") : context.Path($"plans/{plan.PlanId}/milestones/{m.Id}");
            return new PerformanceMilestoneRow(
                m.Id, plan?.PlanId, m.Title, latest?.State, due, missed, latest?.Commentary, latest?.Remedial, owner,
                context.Units.PortfolioHolder(plan?.UnitId), link, plan?.UnitId, context.Units.Name(plan?.UnitId))
            {
                Exceptions = ExceptionRules.ForMilestone(context.Settings, missed),
            };
        });
        if (ids is null)
        {
            return rows.ToList();
        }

        var order = ids.Distinct().Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n);
        return rows.OrderBy(r => order[r.Id]).ToList();
    }

    /// <summary>Whole months from one day to a later one (0 within the first month).</summary>
    private static int MonthsBetween(DateOnly from, DateOnly to) =>
        Math.Max(0, ((to.Year - from.Year) * 12) + to.Month - from.Month - (to.Day < from.Day ? 1 : 0));
}
