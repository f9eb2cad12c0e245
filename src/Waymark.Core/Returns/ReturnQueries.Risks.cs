using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Risks;
using Waymark.Core.Rounds;

namespace Waymark.Core.Returns;

public sealed partial class ReturnQueries
{
    /// <summary>
    /// A return's risk reviews: entered once the risk has a review dated on or after the start of the round's period
    /// (during the period, or since it ended while the round is open), showing its score and commentary; "same period
    /// last year" is the review of that quarter a year before.
    /// </summary>
    private async Task<IReadOnlyList<ReturnItemView>> RiskReviewItemsAsync(MonitoringRound round, IEnumerable<RoundReturnItem> items, CancellationToken ct)
    {
        var list = items.Where(i => i.Kind == RoundItemKind.RiskReview && i.RiskId is not null).OrderBy(i => i.Id).ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var riskIds = list.Select(i => i.RiskId!.Value).Distinct().ToList();
        var risks = await db.Risks.AsNoTracking().Where(r => riskIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var reviews = await db.RiskReviews.AsNoTracking().Where(r => riskIds.Contains(r.RiskId)).ToListAsync(ct);
        var start = round.Period.Start;
        var lastYear = round.Period.SamePeriodLastYear();
        return [.. list.Select(item =>
        {
            var id = item.RiskId!.Value;
            var risk = risks.GetValueOrDefault(id);
            var review = reviews.Where(r => r.RiskId == id && r.ReviewedOn >= start).OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id).FirstOrDefault();
            var before = reviews.Where(r => r.RiskId == id && r.Quarter == lastYear).OrderByDescending(r => r.ReviewedOn).FirstOrDefault();
            return new ReturnItemView(item, $"Risk: {Risk.Describe(risk, id)}", round.Period, round.ReturnsDeadline,
                review is not null, ReviewWords(review), review?.Commentary, null, ReviewWords(before), null);
        })];
    }

    /// <summary>"Reviewed 12 January 2012: 4 × 3 = 12".</summary>
    private static string? ReviewWords(RiskReview? review) => review is null
        ? null
        : $"Reviewed {review.ReviewedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}: "
          + $"{review.Likelihood} × {review.Impact} = {RiskRules.Score(review.Likelihood, review.Impact)}";
}
