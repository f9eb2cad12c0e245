using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Performance;

namespace Waymark.Core.Baskets;

/// <summary>A basket in the organisation's list.</summary>
public sealed record BasketSummary(int Id, string Title, BasketKind Kind, string? Description, string? AudienceNote, string? Owner,
    int Indicators, int Actions, int Milestones, bool IsDemonstration, Guid Version);

/// <summary>One item of a basket as its edit page and the API list it: what it names, in words.</summary>
public sealed record BasketItemView(int Id, BasketItemKind Kind, int RecordId, string Label, int? GroupId, int SortOrder);

/// <summary>A group of a basket with its items in order.</summary>
public sealed record BasketGroupView(int? Id, string? Title, int SortOrder, IReadOnlyList<BasketItemView> Items);

/// <summary>A basket with its groups and items, in order (ungrouped items first, under no heading).</summary>
public sealed record BasketView(Basket Basket, IReadOnlyList<BasketGroupView> Groups)
{
    public IEnumerable<BasketItemView> Items => Groups.SelectMany(g => g.Items);
}

/// <summary>A record that may be put in a basket, as the "add items" search lists it.</summary>
public sealed record BasketCandidate(BasketItemKind Kind, int Id, string Label, string? Context);

/// <summary>Reads baskets for their pages and the API: the list, one basket with its items, and records to add.</summary>
public sealed partial class BasketQueries(WaymarkDbContext db, PerformanceQueries performance)
{
    /// <summary>How many records the "add items" search lists at most.</summary>
    public const int SearchLimit = 50;

    public async Task<IReadOnlyList<BasketSummary>> ListAsync(CancellationToken ct = default) =>
        await db.Baskets.AsNoTracking().OrderBy(b => b.SortOrder).ThenBy(b => b.Id)
            .Select(b => new BasketSummary(b.Id, b.Title, b.Kind, b.Description, b.AudienceNote,
                b.OwnerPost == null ? null : b.OwnerPost.Holder == null ? b.OwnerPost.Title + " (vacant)" : b.OwnerPost.Title + " (" + b.OwnerPost.Holder.Name + ")",
                b.Items.Count(i => i.Kind == BasketItemKind.Indicator), b.Items.Count(i => i.Kind == BasketItemKind.Action),
                b.Items.Count(i => i.Kind == BasketItemKind.Milestone), b.IsDemonstration, b.Version))
            .ToListAsync(ct);

    /// <summary>The basket with its groups and items named in words; null when the organisation has no such basket.</summary>
    public async Task<BasketView?> GetAsync(int id, CancellationToken ct = default)
    {
        var basket = await db.Baskets.AsNoTracking().Include(b => b.OwnerPost!).ThenInclude(p => p.Holder)
            .Include(b => b.Groups).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (basket is null)
        {
            return null;
        }

        var items = await db.BasketItems.AsNoTracking().Where(i => i.BasketId == id)
            .Select(i => new
            {
                i.Id, i.Kind, i.GroupId, i.SortOrder, i.IndicatorId, i.ActionId, i.MilestoneId,
                IndicatorCode = i.Indicator == null ? null : i.Indicator.Code,
                IndicatorTitle = i.Indicator == null ? null : i.Indicator.Title,
                ActionReference = i.Action == null ? null : i.Action.Reference,
                ActionTitle = i.Action == null ? null : i.Action.Title,
                MilestoneTitle = i.Milestone == null ? null : i.Milestone.Title,
            })
            .ToListAsync(ct);
        var views = items.Select(i => new BasketItemView(i.Id, i.Kind, (i.IndicatorId ?? i.ActionId ?? i.MilestoneId)!.Value, i.Kind switch
        {
            BasketItemKind.Indicator => Label(i.IndicatorCode, i.IndicatorTitle!),
            BasketItemKind.Action => Label(i.ActionReference, i.ActionTitle!),
            _ => i.MilestoneTitle!,
        }, i.GroupId, i.SortOrder)).ToList();
        return new BasketView(basket, Arrange(basket.Groups, views));
    }

    /// <summary>
    /// Records of <paramref name="kind"/> whose code, reference or title contains <paramref name="search"/> and that the
    /// basket does not hold yet, in the organisation's order; at most <see cref="SearchLimit"/>.
    /// </summary>
    public async Task<IReadOnlyList<BasketCandidate>> CandidatesAsync(int basketId, BasketItemKind kind, string? search, CancellationToken ct = default)
    {
        var term = search?.Trim() ?? "";
        var like = LikePattern.Containing(term);
        var held = db.BasketItems.Where(i => i.BasketId == basketId);
        switch (kind)
        {
            case BasketItemKind.Indicator:
                var indicators = await db.Indicators.AsNoTracking()
                    .Where(i => !held.Any(h => h.IndicatorId == i.Id))
                    .Where(i => term == "" || EF.Functions.Like(i.Title.ToLower(), like, "\\") || (i.Code != null && EF.Functions.Like(i.Code.ToLower(), like, "\\")))
                    .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Take(SearchLimit)
                    .Select(i => new { i.Id, i.Code, i.Title, Unit = i.OwningUnit == null ? null : i.OwningUnit.Name }).ToListAsync(ct);
                return indicators.Select(i => new BasketCandidate(kind, i.Id, Label(i.Code, i.Title), i.Unit)).ToList();
            case BasketItemKind.Action:
                var actions = await db.PlanActions.AsNoTracking()
                    .Where(a => !held.Any(h => h.ActionId == a.Id))
                    .Where(a => term == "" || EF.Functions.Like(a.Title.ToLower(), like, "\\") || (a.Reference != null && EF.Functions.Like(a.Reference.ToLower(), like, "\\")))
                    .OrderBy(a => a.PlanId).ThenBy(a => a.SortOrder).ThenBy(a => a.Id).Take(SearchLimit)
                    .Select(a => new { a.Id, a.Reference, a.Title, Plan = a.Plan == null ? null : a.Plan.Title }).ToListAsync(ct);
                return actions.Select(a => new BasketCandidate(kind, a.Id, Label(a.Reference, a.Title), a.Plan)).ToList();
            default:
                var milestones = await db.Milestones.AsNoTracking()
                    .Where(m => !held.Any(h => h.MilestoneId == m.Id))
                    .Where(m => term == "" || EF.Functions.Like(m.Title.ToLower(), like, "\\"))
                    .OrderBy(m => m.Id).Take(SearchLimit)
                    .Select(m => new { m.Id, m.Title }).ToListAsync(ct);
                return milestones.Select(m => new BasketCandidate(kind, m.Id, m.Title, null)).ToList();
        }
    }

    /// <summary>"NI 4 % of people who feel …", or the title alone when there is no code.</summary>
    public static string Label(string? code, string title) => string.IsNullOrWhiteSpace(code) ? title : $"{code} {title}";

    /// <summary>Ungrouped items first (under no heading), then each group in order, each list in order.</summary>
    private static List<BasketGroupView> Arrange(IEnumerable<BasketGroup> groups, IReadOnlyList<BasketItemView> items)
    {
        static List<BasketItemView> Of(IEnumerable<BasketItemView> list) => list.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
        var arranged = new List<BasketGroupView>();
        var ungrouped = Of(items.Where(i => i.GroupId is null));
        if (ungrouped.Count > 0)
        {
            arranged.Add(new BasketGroupView(null, null, 0, ungrouped));
        }

        arranged.AddRange(groups.OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
            .Select(g => new BasketGroupView(g.Id, g.Title, g.SortOrder, Of(items.Where(i => i.GroupId == g.Id)))));
        return arranged;
    }
}
