using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Messages;
using Waymark.Core.Periods;

namespace Waymark.Core.Risks;

/// <summary>
/// Records a review of a risk: the scores found, what changed, commentary and the reviewer. The review becomes the
/// risk's current score, sets the next review date from the band it falls in and clears "needs re-assessment". Reviews
/// are kept as they were recorded (the history the "last quarter" column and "Red for N quarters" read). A review that
/// takes a service risk above the matrix's escalation score proposes it for the strategic register and tells the
/// central team (<see cref="RiskEscalationRules.ProposedByReview"/>), in the same save.
/// </summary>
public sealed class RiskReviewEditor(WaymarkDbContext db, TimeProvider clock, Notices? notices = null)
{
    /// <summary>The check before the review form: the open risk, if the actor may review it.</summary>
    public async Task<EditResult<Risk>> OpenAsync(Actor? actor, int riskId, CancellationToken ct = default)
    {
        var risk = await db.Risks.Include(r => r.Escalations).FirstOrDefaultAsync(r => r.Id == riskId, ct);
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
        var previousScore = RiskRules.Score(risk.CurrentLikelihood, risk.CurrentImpact);
        var reviewedScore = RiskRules.Score(review.Likelihood, review.Impact);
        if (RiskEscalationRules.ProposedByReview(risk, previousScore, reviewedScore, matrix.EscalationScore))
        {
            var escalation = new RiskEscalation
            {
                OrganisationId = risk.OrganisationId, RiskId = risk.Id, Risk = risk, ProposedScore = reviewedScore, ProposedAt = review.At,
                ProposedByUserId = actor.UserId, ProposedByName = actor.Name, State = EscalationState.Proposed,
                Reason = $"The review of {reviewedOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} scored it {reviewedScore}, above the escalation score of {matrix.EscalationScore}.",
            };
            risk.Escalations.Add(escalation);
            await StageProposalNoticesAsync(risk, escalation, ct);
        }

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

    /// <summary>
    /// Tells the central team that a proposal waits: the organisation's performance officers, or its administrators when
    /// it has none. The link is the escalations page, since the proposal has no id before it is saved.
    /// </summary>
    private async Task StageProposalNoticesAsync(Risk risk, RiskEscalation escalation, CancellationToken ct)
    {
        if (notices is null || db.Scope.Organisation is not { } organisation)
        {
            return;
        }

        var central = await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId != null && !m.User!.IsDisabled && (m.Role == Role.PerformanceOfficer || m.Role == Role.Administrator))
            .Select(m => new { m.Role, PersonId = m.PersonId!.Value })
            .ToListAsync(ct);
        var officers = central.Where(m => m.Role == Role.PerformanceOfficer).Select(m => m.PersonId).Distinct().ToList();
        var recipients = officers.Count > 0 ? officers : [.. central.Select(m => m.PersonId).Distinct()];
        var placeholders = new Placeholders
        {
            ["items"] = $"{risk.Reference} {risk.Title} (score {escalation.ProposedScore})",
            ["note"] = escalation.Reason ?? string.Empty,
        };
        var reference = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"r{risk.Id}/{escalation.ProposedAt.UtcTicks}");
        foreach (var person in recipients)
        {
            await notices.StageAsync(organisation.Id, person, NoticeKind.RiskProposed, placeholders, $"/{organisation.Slug}/risks/escalations", reference, ct);
        }
    }
}
