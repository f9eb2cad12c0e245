using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Rounds;

/// <summary>
/// What a round asks for when it opens, and of whom: every typed-in indicator value for a period ending within the
/// round's period, every open action's progress, every milestone of a plan covering the period, and the review of every open
/// risk due by the period's end. A post's items go to
/// its holder; a vacant post's to the head of its unit (then the return is flagged); a record owned by nobody goes to
/// the head of its unit. A record no person can be found for is left out.
/// </summary>
internal sealed partial class RoundScope(WaymarkDbContext db, TimeProvider clock)
{
    private Dictionary<int, (int UnitId, int? HolderId)> posts = [];
    private Dictionary<int, (int? ParentId, int? HeadPostId)> units = [];
    private Dictionary<int, int?> people = [];

    /// <summary>One owner's return for each person with something to return, their items made.</summary>
    public async Task<IReadOnlyList<RoundReturn>> ReturnsAsync(Organisation organisation, Period period, CancellationToken ct)
    {
        posts = await db.Posts.AsNoTracking().ToDictionaryAsync(p => p.Id, p => (p.UnitId, p.HolderId), ct);
        units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => (u.ParentId, u.HeadPostId), ct);
        people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.UnitId, ct);

        var items = new List<(int PersonId, RoundReturnItem Item)>();
        await AddIndicatorValuesAsync(organisation, period, items, ct);
        var plans = await db.Plans.AsNoTracking().ToListAsync(ct);
        var covering = plans.Where(p => p.StartYear.Start <= period.End && p.EndYear.End >= period.Start).ToDictionary(p => p.Id);
        await AddActionsAsync(period, covering, items, ct);
        await AddMilestonesAsync(covering, items, ct);
        await AddRiskReviewsAsync(period, items, ct);

        return [.. items.GroupBy(i => i.PersonId).OrderBy(g => g.Key).Select(g => new RoundReturn
        {
            OrganisationId = organisation.Id,
            PersonId = g.Key,
            UnitId = UnitOf(g.Key) ?? g.Select(i => i.Item.UnitId).FirstOrDefault(u => u is not null),
            IncludesVacantPostItems = g.Any(i => i.Item.FromVacantPost),
            State = ReturnState.NotStarted,
            Items = [.. g.Select(i => i.Item)],
        })];
    }

    private async Task AddIndicatorValuesAsync(Organisation organisation, Period period, List<(int, RoundReturnItem)> items, CancellationToken ct)
    {
        var series = await new IndicatorQueries(db, clock).AllAsync(ct);
        foreach (var s in series.Where(s => s.Indicator.Calculation == CalculationKind.None))
        {
            var i = s.Indicator;
            var (postId, personId) = i.DataOwnerPostId is not null || i.DataOwnerPersonId is not null
                ? (i.DataOwnerPostId, i.DataOwnerPersonId)
                : (i.LeadPostId, i.LeadPersonId);
            foreach (var row in s.Periods.Where(p => RoundRules.Covers(period, p.Period)))
            {
                Add(items, postId, personId, i.UnitId, new RoundReturnItem
                {
                    OrganisationId = organisation.Id, Kind = RoundItemKind.IndicatorValue, IndicatorId = i.Id, ValuePeriod = row.Period,
                });
            }
        }
    }

    private async Task AddActionsAsync(Period period, Dictionary<int, Plan> covering, List<(int, RoundReturnItem)> items, CancellationToken ct)
    {
        var planIds = covering.Keys.ToList();
        var actions = await db.PlanActions.AsNoTracking().Include(a => a.Leads)
            .Where(a => a.PlanId != null && planIds.Contains(a.PlanId.Value))
            .Where(a => a.State != ActionState.Completed && a.State != ActionState.Cancelled)
            .Where(a => !db.PlanActions.Any(c => c.CarriedFromId == a.Id))
            .OrderBy(a => a.PlanId).ThenBy(a => a.SortOrder).ThenBy(a => a.Id)
            .ToListAsync(ct);
        foreach (var action in actions.Where(a => a.StartMonth is not { } start || start.Start <= period.End))
        {
            var plan = covering[action.PlanId!.Value];
            var lead = action.Leads.OrderBy(l => l.Id).FirstOrDefault(l => l.PostId is not null || l.PersonId is not null);
            var (postId, personId) = lead is not null ? (lead.PostId, lead.PersonId) : (plan.HeadOfServicePostId, plan.HeadOfServicePersonId);
            Add(items, postId, personId, plan.UnitId, new RoundReturnItem
            {
                OrganisationId = action.OrganisationId, Kind = RoundItemKind.ActionProgress, ActionId = action.Id,
            });
        }
    }

    private async Task AddMilestonesAsync(Dictionary<int, Plan> covering, List<(int, RoundReturnItem)> items, CancellationToken ct)
    {
        var planIds = covering.Keys.ToList();
        var measured = await db.PlanMeasures.AsNoTracking()
            .Where(m => m.MilestoneId != null && planIds.Contains(m.PlanObjective!.PlanId))
            .Select(m => new { MilestoneId = m.MilestoneId!.Value, m.PlanObjective!.PlanId })
            .ToListAsync(ct);
        var ids = measured.Select(m => m.MilestoneId).Distinct().ToList();
        var milestones = await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct);
        foreach (var milestone in milestones)
        {
            var plan = covering[measured.First(m => m.MilestoneId == milestone.Id).PlanId];
            var (postId, personId) = milestone.OwnerPostId is not null || milestone.OwnerPersonId is not null
                ? (milestone.OwnerPostId, milestone.OwnerPersonId)
                : (plan.HeadOfServicePostId, plan.HeadOfServicePersonId);
            Add(items, postId, personId, plan.UnitId, new RoundReturnItem
            {
                OrganisationId = milestone.OrganisationId, Kind = RoundItemKind.MilestoneProgress, MilestoneId = milestone.Id,
            });
        }
    }

    /// <summary>Gives the item to its owner: the person; else the post's holder; else (vacant) the head of the post's
    /// unit; else the head of the record's unit.</summary>
    private void Add(List<(int, RoundReturnItem)> items, int? postId, int? personId, int? recordUnitId, RoundReturnItem item)
    {
        var unitId = postId is { } p && posts.TryGetValue(p, out var post) ? post.UnitId : recordUnitId;
        item.PostId = postId is { } known && posts.ContainsKey(known) ? known : null;
        item.UnitId = recordUnitId ?? unitId;
        int? owner = personId is { } person && people.ContainsKey(person) ? person : null;
        if (owner is null && item.PostId is { } held)
        {
            owner = posts[held].HolderId;
            if (owner is null)
            {
                owner = HeadOf(posts[held].UnitId, except: held);
                item.FromVacantPost = owner is not null;
            }
        }

        owner ??= item.UnitId is { } u ? HeadOf(u, except: null) : null;
        if (owner is { } found)
        {
            items.Add((found, item));
        }
    }

    /// <summary>The holder of the unit's head post; up the structure when that post is vacant (or is the vacant post itself).</summary>
    private int? HeadOf(int unitId, int? except)
    {
        var seen = new HashSet<int>();
        for (int? u = unitId; u is { } id && seen.Add(id) && units.TryGetValue(id, out var unit); u = unit.ParentId)
        {
            if (unit.HeadPostId is { } head && head != except && posts.TryGetValue(head, out var headPost) && headPost.HolderId is { } holder)
            {
                return holder;
            }
        }

        return null;
    }

    /// <summary>The person's own unit, else the unit of the first post they hold.</summary>
    private int? UnitOf(int personId) =>
        people.GetValueOrDefault(personId) ?? posts.Where(p => p.Value.HolderId == personId).OrderBy(p => p.Key).Select(p => (int?)p.Value.UnitId).FirstOrDefault();
}
