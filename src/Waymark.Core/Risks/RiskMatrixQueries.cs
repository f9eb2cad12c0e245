using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Risks;

/// <summary>Reads the organisation's risk matrix: the stored one, or the default a new organisation starts with.</summary>
public sealed class RiskMatrixQueries(WaymarkDbContext db)
{
    /// <summary>The matrix with its levels, criteria, bands and categories in order; the default (not yet saved, id 0) when none is stored.</summary>
    public async Task<RiskMatrix> MatrixAsync(CancellationToken ct = default) =>
        Ordered(await WithParts(db.RiskMatrices.AsNoTracking()).FirstOrDefaultAsync(ct) ?? RiskMatrixDefaults.Create());

    /// <summary>How many open risks the organisation has (those a change of matrix sends back for re-assessment).</summary>
    public Task<int> OpenRiskCountAsync(CancellationToken ct = default) => db.Risks.CountAsync(r => r.State == RiskState.Open, ct);

    internal static IQueryable<RiskMatrix> WithParts(IQueryable<RiskMatrix> matrices) =>
        matrices.Include(m => m.Levels).Include(m => m.ImpactTypes).ThenInclude(t => t.Criteria)
            .Include(m => m.Bands).Include(m => m.Categories).AsSplitQuery();

    /// <summary>Puts a matrix's parts in their order: levels by scale and level, types, bands lowest first, categories.</summary>
    internal static RiskMatrix Ordered(RiskMatrix matrix)
    {
        matrix.Levels.Sort((a, b) => (a.Scale, a.Level).CompareTo((b.Scale, b.Level)));
        matrix.ImpactTypes.Sort((a, b) => (a.SortOrder, a.Id).CompareTo((b.SortOrder, b.Id)));
        matrix.ImpactTypes.ForEach(t => t.Criteria.Sort((a, b) => a.Level.CompareTo(b.Level)));
        matrix.Bands.Sort((a, b) => (a.MinScore, a.SortOrder).CompareTo((b.MinScore, b.SortOrder)));
        matrix.Categories.Sort((a, b) => (a.SortOrder, a.Id).CompareTo((b.SortOrder, b.Id)));
        return matrix;
    }
}
