using Microsoft.EntityFrameworkCore;
using Waymark.Core.Periods;
using Waymark.Core.Risks;

namespace Waymark.Core.Rounds;

internal sealed partial class RoundScope
{
    /// <summary>
    /// Every open risk whose review falls due by the end of the round's period (an overdue one too): a review for its
    /// owner — the owning person, else the owning post's holder (a vacant post's to its unit's head), else the head of
    /// the risk's unit.
    /// </summary>
    private async Task AddRiskReviewsAsync(Period period, List<(int, RoundReturnItem)> items, CancellationToken ct)
    {
        var end = period.End;
        var risks = await db.Risks.AsNoTracking()
            .Where(r => r.State == RiskState.Open && r.ReviewDue != null && r.ReviewDue <= end)
            .OrderBy(r => r.Reference).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.OrganisationId, r.OwnerPostId, r.OwnerPersonId, r.UnitId })
            .ToListAsync(ct);
        foreach (var risk in risks)
        {
            Add(items, risk.OwnerPostId, risk.OwnerPersonId, risk.UnitId, new RoundReturnItem
            {
                OrganisationId = risk.OrganisationId, Kind = RoundItemKind.RiskReview, RiskId = risk.Id,
            });
        }
    }
}
