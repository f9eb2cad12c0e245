using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Periods;

namespace Waymark.Core.Risks;

/// <summary>
/// Reads the risk register: views (strategic, per unit, per plan, per category) with their filters, paged and counted
/// in the database; the "last quarter" column and "Red for N quarters" from the review history; the heat map's counts;
/// and one risk with everything the risk's page shows.
/// </summary>
public sealed partial class RiskQueries(WaymarkDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    public DateOnly Today => db.Scope.Today(clock);

    private int YearStart => db.Scope.Organisation?.YearStartMonth ?? Organisations.Organisation.DefaultYearStartMonth;

    /// <summary>The quarter the organisation is in; the "last quarter" column reads the one before.</summary>
    public Period ThisQuarter => Period.QuarterContaining(Today, YearStart);

    public Task<RiskMatrix> MatrixAsync(CancellationToken ct = default) => new RiskMatrixQueries(db).MatrixAsync(ct);

    /// <summary>A page of the view, highest current score first, with the total the filters leave.</summary>
    public async Task<RiskRegisterPage> RegisterAsync(RiskFilter filter, int page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matrix = await MatrixAsync(ct);
        var query = await FilterAsync(filter, matrix, ct);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var risks = await query
            .OrderByDescending(r => r.CurrentLikelihood * r.CurrentImpact).ThenBy(r => r.RegisterLevel == RiskRegisterLevel.Strategic ? 0 : 1).ThenBy(r => r.Reference)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new
            {
                r.Id, r.Reference, r.Title, Category = r.Category!.Name, r.Category.AppetiteScore, r.RegisterLevel,
                Unit = r.Unit != null ? r.Unit.Name : null, Post = r.OwnerPost != null ? r.OwnerPost.Title : null,
                Person = r.OwnerPerson != null ? r.OwnerPerson.Name : null, r.OwnerName,
                r.InherentLikelihood, r.InherentImpact, r.CurrentLikelihood, r.CurrentImpact, r.TargetLikelihood, r.TargetImpact,
                r.ReviewDue, r.NeedsReassessment, r.State, r.IsDemonstration,
            })
            .ToListAsync(ct);
        var history = await HistoryAsync(risks.Select(r => r.Id).ToList(), ct);
        var rows = risks.Select(r =>
        {
            var current = RiskRules.Score(r.CurrentLikelihood, r.CurrentImpact);
            var reviews = history.GetValueOrDefault(r.Id) ?? [];
            var last = LastQuarterScore(reviews);
            return new RiskRow(
                r.Id, r.Reference, r.Title, r.Category, r.RegisterLevel, r.Unit, Owner(r.Post, r.Person, r.OwnerName),
                RiskRules.Score(r.InherentLikelihood, r.InherentImpact), r.CurrentLikelihood, r.CurrentImpact, current,
                r.TargetLikelihood is { } tl && r.TargetImpact is { } ti ? RiskRules.Score(tl, ti) : null,
                RiskRules.Band(matrix.Bands, current), last, RiskRules.Movement(last, current), r.ReviewDue,
                r.State == RiskState.Open && RiskRules.IsReviewOverdue(r.ReviewDue, Today), RiskRules.AboveAppetite(current, r.AppetiteScore),
                RedFor(reviews, current, matrix), r.NeedsReassessment, r.State, r.IsDemonstration);
        }).ToList();
        return new RiskRegisterPage(rows, total, page, PageSize, ThisQuarter);
    }

    /// <summary>
    /// The heat map of a view for one assessment: every likelihood × impact cell with its count (the view's filters
    /// apply, but not a chosen cell), the movement since last quarter (current scores), and the appetite line.
    /// </summary>
    public async Task<HeatMap> HeatMapAsync(RiskFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var matrix = await MatrixAsync(ct);
        var query = await FilterAsync(filter with { Likelihood = null, Impact = null }, matrix, ct);
        var scored = filter.Assessment switch
        {
            RiskAssessment.Inherent => query.Select(r => new { r.Id, L = (int?)r.InherentLikelihood, I = (int?)r.InherentImpact }),
            RiskAssessment.Target => query.Select(r => new { r.Id, L = r.TargetLikelihood, I = r.TargetImpact }),
            _ => query.Select(r => new { r.Id, L = (int?)r.CurrentLikelihood, I = (int?)r.CurrentImpact }),
        };
        var counts = await scored.Where(s => s.L != null && s.I != null)
            .GroupBy(s => new { s.L, s.I })
            .Select(g => new { g.Key.L, g.Key.I, Count = g.Count() })
            .ToListAsync(ct);
        var total = await query.CountAsync(ct);

        // Movement is of the current score since last quarter: only on the current map.
        var moves = new List<(int L, int I, RiskMovement Movement)>();
        if (filter.Assessment == RiskAssessment.Current)
        {
            var now = await scored.Select(s => new { s.Id, s.L, s.I }).ToListAsync(ct);
            var history = await HistoryAsync(now.Select(n => n.Id).ToList(), ct);
            moves = now.Select(n => (n.L!.Value, n.I!.Value, RiskRules.Movement(LastQuarterScore(history.GetValueOrDefault(n.Id) ?? []), RiskRules.Score(n.L!.Value, n.I!.Value)))).ToList();
        }

        var appetite = Appetite(matrix, filter.CategoryId);
        var cells = (from l in Enumerable.Range(1, matrix.LikelihoodLevels)
                     from i in Enumerable.Range(1, matrix.ImpactLevels)
                     let score = RiskRules.Score(l, i)
                     select new HeatMapCell(l, i, score, RiskRules.Band(matrix.Bands, score),
                         counts.Where(c => c.L == l && c.I == i).Sum(c => c.Count),
                         moves.Count(m => m.L == l && m.I == i && m.Movement == RiskMovement.Up),
                         moves.Count(m => m.L == l && m.I == i && m.Movement == RiskMovement.Down),
                         RiskRules.AboveAppetite(score, appetite))).ToList();
        return new HeatMap(matrix, filter.Assessment, cells, appetite, total, total - cells.Sum(c => c.Count));
    }

    /// <summary>The appetite drawn on a view: its category's, or the one every category shares; none when they differ.</summary>
    public static int? Appetite(RiskMatrix matrix, int? categoryId)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (categoryId is { } id)
        {
            return matrix.Categories.FirstOrDefault(c => c.Id == id)?.AppetiteScore;
        }

        var appetites = matrix.Categories.Select(c => c.AppetiteScore).Distinct().ToList();
        return appetites.Count == 1 ? appetites[0] : null;
    }

    /// <summary>"Head of Community Safety (Jane Smith)", a person, or the name as written.</summary>
    public static string? Owner(string? post, string? person, string? name) =>
        post is not null ? (person is not null ? $"{post} ({person})" : post) : person ?? name;

    private async Task<IQueryable<Risk>> FilterAsync(RiskFilter filter, RiskMatrix matrix, CancellationToken ct)
    {
        IQueryable<Risk> query = db.Risks;
        if (!filter.IncludeClosed)
        {
            query = query.Where(r => r.State == RiskState.Open);
        }

        if (filter.Register is { } register)
        {
            query = query.Where(r => r.RegisterLevel == register);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(r => r.UnitId == unitId);
        }

        if (filter.PlanId is { } planId)
        {
            query = query.Where(r => r.Links.Any(l => l.PlanId == planId || (l.Action != null && l.Action.PlanId == planId))
                || r.Actions.Any(a => a.PlanAction != null && a.PlanAction.PlanId == planId));
        }

        if (filter.CategoryId is { } categoryId)
        {
            query = query.Where(r => r.CategoryId == categoryId);
        }

        if (filter.OwnerPostId is { } postId)
        {
            query = query.Where(r => r.OwnerPostId == postId);
        }

        if (filter.OwnerPersonId is { } personId)
        {
            query = query.Where(r => r.OwnerPersonId == personId || (r.OwnerPost != null && r.OwnerPost.HolderId == personId));
        }

        if (filter.OverdueReview)
        {
            var today = Today;
            query = query.Where(r => r.ReviewDue != null && r.ReviewDue < today);
        }

        if (filter.AboveAppetite)
        {
            query = query.Where(r => r.Category!.AppetiteScore != null && r.CurrentLikelihood * r.CurrentImpact > r.Category.AppetiteScore);
        }

        if (filter.Band is { } bandName)
        {
            var band = matrix.Bands.FirstOrDefault(b => string.Equals(b.Name, bandName, StringComparison.OrdinalIgnoreCase));
            var (min, max) = band is null ? (0, -1) : (band.MinScore, band.MaxScore);
            query = filter.Assessment switch
            {
                RiskAssessment.Inherent => query.Where(r => r.InherentLikelihood * r.InherentImpact >= min && r.InherentLikelihood * r.InherentImpact <= max),
                RiskAssessment.Target => query.Where(r => r.TargetLikelihood * r.TargetImpact >= min && r.TargetLikelihood * r.TargetImpact <= max),
                _ => query.Where(r => r.CurrentLikelihood * r.CurrentImpact >= min && r.CurrentLikelihood * r.CurrentImpact <= max),
            };
        }

        if (filter.Likelihood is { } l && filter.Impact is { } i)
        {
            query = filter.Assessment switch
            {
                RiskAssessment.Inherent => query.Where(r => r.InherentLikelihood == l && r.InherentImpact == i),
                RiskAssessment.Target => query.Where(r => r.TargetLikelihood == l && r.TargetImpact == i),
                _ => query.Where(r => r.CurrentLikelihood == l && r.CurrentImpact == i),
            };
        }

        if (filter.RedForQuarters is { } quarters)
        {
            // Only risks Red now can have been Red up to now: the history of those few is read to count the quarters.
            var now = await query.Select(r => new { r.Id, r.CurrentLikelihood, r.CurrentImpact }).ToListAsync(ct);
            var red = now.Where(r => RiskRules.IsRed(RiskRules.Band(matrix.Bands, RiskRules.Score(r.CurrentLikelihood, r.CurrentImpact)))).ToList();
            var history = await HistoryAsync(red.Select(r => r.Id).ToList(), ct);
            var ids = red.Where(r => RedFor(history.GetValueOrDefault(r.Id) ?? [], RiskRules.Score(r.CurrentLikelihood, r.CurrentImpact), matrix) >= quarters)
                .Select(r => r.Id).ToList();
            query = query.Where(r => ids.Contains(r.Id));
        }

        return query;
    }

    /// <summary>Each risk's reviews (quarter and score), oldest first.</summary>
    private async Task<Dictionary<int, List<(Period Quarter, int Score)>>> HistoryAsync(List<int> riskIds, CancellationToken ct)
    {
        if (riskIds.Count == 0)
        {
            return [];
        }

        var reviews = await db.RiskReviews.Where(v => riskIds.Contains(v.RiskId))
            .Select(v => new { v.RiskId, v.Quarter, v.ReviewedOn, v.Id, v.Likelihood, v.Impact })
            .ToListAsync(ct);
        return reviews.OrderBy(v => v.Quarter).ThenBy(v => v.ReviewedOn).ThenBy(v => v.Id)
            .GroupBy(v => v.RiskId)
            .ToDictionary(g => g.Key, g => g.Select(v => (v.Quarter, RiskRules.Score(v.Likelihood, v.Impact))).ToList());
    }

    /// <summary>The score that stood at the end of last quarter: the latest review up to then.</summary>
    private int? LastQuarterScore(List<(Period Quarter, int Score)> reviews)
    {
        var last = ThisQuarter.Previous();
        var index = reviews.FindLastIndex(r => r.Quarter <= last);
        return index < 0 ? null : reviews[index].Score;
    }

    /// <summary>Quarters in a row Red up to this one, counting the current score as this quarter's.</summary>
    private int RedFor(List<(Period Quarter, int Score)> reviews, int current, RiskMatrix matrix) =>
        RiskRules.RedForQuarters([.. reviews, (ThisQuarter, current)], matrix.Bands, ThisQuarter);
}
