using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

namespace Waymark.Core.Risks;

/// <summary>
/// Records a review of a risk: the scores found, what changed, commentary and the reviewer. The review becomes the
/// risk's current score, sets the next review date from the band it falls in and clears "needs re-assessment". Reviews
/// are kept as they were recorded (the history the "last quarter" column and "Red for N quarters" read).
/// </summary>
public sealed class RiskReviewEditor(WaymarkDbContext db, TimeProvider clock)
{
    /// <summary>The check before the review form: the open risk, if the actor may review it.</summary>
    public async Task<EditResult<Risk>> OpenAsync(Actor? actor, int riskId, CancellationToken ct = default)
    {
        var risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == riskId, ct);
        return risk is null ? EditResult<Risk>.NotFound()
            : !Permissions.CanReviewRisk(actor, risk.UnitId, risk.OwnerPostId, risk.OwnerPersonId) ? EditResult<Risk>.Forbidden(RiskRefusals.WhyCannotReview(actor))
            : risk.State == RiskState.Closed ? EditResult<Risk>.Refused("This risk is closed: reopen it before reviewing it.")
            : EditResult<Risk>.Done(risk);
    }

    /// <summary>Records the review; <paramref name="version"/> (the risk's, when the form was shown) guards against a change meanwhile.</summary>
    public async Task<EditResult<Risk>> AddAsync(Actor? actor, int riskId, Guid? version, RiskReviewInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var opened = await OpenAsync(actor, riskId, ct);
        if (opened.Record is not { } risk)
        {
            return opened;
        }

        var matrix = await RiskMatrixEditor.ProvideAsync(db, actor!.OrganisationId, ct);
        var read = new FieldReader();
        var likelihood = RiskNumbers.Level(read, input.Likelihood, RiskFields.Likelihood, "likelihood", matrix.LikelihoodLevels, true);
        var impact = RiskNumbers.Level(read, input.Impact, RiskFields.Impact, "impact", matrix.ImpactLevels, true);
        var whatChanged = read.Text(input.WhatChanged, RiskFields.WhatChanged, "what changed", RiskLimits.TextMaxLength);
        var commentary = read.Text(input.Commentary, RiskFields.Commentary, "commentary", RiskLimits.TextMaxLength, required: true);
        var today = db.Scope.Today(clock);
        var reviewedOn = input.ReviewedOn ?? today;
        if (reviewedOn > today)
        {
            read.Fail(RiskFields.ReviewedOn, "The date of the review must be today or in the past");
        }

        if (read.HasErrors)
        {
            return EditResult<Risk>.Invalid(read.Errors);
        }

        var yearStart = db.Scope.Organisation?.YearStartMonth ?? Organisations.Organisation.DefaultYearStartMonth;
        var review = new RiskReview
        {
            OrganisationId = risk.OrganisationId, RiskId = riskId, Quarter = Period.QuarterContaining(reviewedOn, yearStart), ReviewedOn = reviewedOn,
            Likelihood = likelihood!.Value, Impact = impact!.Value, WhatChanged = whatChanged, Commentary = commentary,
            ReviewerUserId = actor.UserId, ReviewerName = actor.Name, At = clock.GetUtcNow(), IsDemonstration = input.IsDemonstration,
        };
        return await db.SaveVersionedAsync(risk, version, ct2 => db.Risks.AsNoTracking().FirstOrDefaultAsync(r => r.Id == riskId, ct2), () =>
        {
            risk.CurrentLikelihood = review.Likelihood;
            risk.CurrentImpact = review.Impact;
            risk.LastReviewedOn = reviewedOn;
            risk.ReviewDue = RiskRules.ReviewDue(matrix.Bands, RiskRules.Score(review.Likelihood, review.Impact), reviewedOn);
            risk.NeedsReassessment = false;
            db.RiskReviews.Add(review);
        }, ct);
    }
}
