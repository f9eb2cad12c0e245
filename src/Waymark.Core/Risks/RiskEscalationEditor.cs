using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Risks;

/// <summary>
/// Moves a service risk to the strategic register: proposed (by its score above the matrix's escalation score, or
/// chosen by a manager with a reason) by whoever may change the risk, then accepted or declined with a reason by the
/// central team. Accepting puts the risk on the strategic register and keeps its unit; the proposal is kept either way,
/// so the strategic register can show where each of its risks came from.
/// </summary>
public sealed class RiskEscalationEditor(WaymarkDbContext db, TimeProvider clock)
{
    /// <summary>The check before the propose form: an open service risk with no proposal waiting, if the actor may propose it.</summary>
    public async Task<EditResult<Risk>> OpenProposalAsync(Actor? actor, int riskId, CancellationToken ct = default)
    {
        var risk = await db.Risks.Include(r => r.Escalations).FirstOrDefaultAsync(r => r.Id == riskId, ct);
        return risk is null ? EditResult<Risk>.NotFound()
            : !Permissions.CanEditRisk(actor, risk.UnitId, risk.OwnerPostId, risk.OwnerPersonId) ? EditResult<Risk>.Forbidden(WhyCannotPropose(actor))
            : RiskEscalationRules.WhyNotProposable(risk) is { } why ? EditResult<Risk>.Refused(why)
            : EditResult<Risk>.Done(risk);
    }

    /// <summary>
    /// Proposes the risk for the strategic register. A risk whose score the matrix does not escalate needs a reason
    /// (why the manager chooses it); <paramref name="version"/> is the risk's, when the form was shown.
    /// </summary>
    public async Task<EditResult<RiskEscalation>> ProposeAsync(Actor? actor, int riskId, Guid? version, string? reason, CancellationToken ct = default)
    {
        var opened = await OpenProposalAsync(actor, riskId, ct);
        if (opened.Record is not { } risk)
        {
            return Rewrap(opened);
        }

        var matrix = await db.RiskMatrices.AsNoTracking().FirstOrDefaultAsync(ct) ?? RiskMatrixDefaults.Create();
        var score = RiskRules.Score(risk.CurrentLikelihood, risk.CurrentImpact);
        var read = new FieldReader();
        var byScore = RiskRules.ProposeEscalation(risk.RegisterLevel, risk.State, score, matrix.EscalationScore);
        var text = read.Text(reason, RiskFields.Reason, "reason", RiskLimits.TextMaxLength, required: !byScore);
        if (read.HasErrors)
        {
            return EditResult<RiskEscalation>.Invalid(read.Errors);
        }

        var escalation = new RiskEscalation
        {
            OrganisationId = risk.OrganisationId, RiskId = risk.Id, Risk = risk, ProposedScore = score, ProposedAt = clock.GetUtcNow(),
            ProposedByUserId = actor!.UserId, ProposedByName = actor.Name, Reason = text, State = EscalationState.Proposed,
        };
        db.RiskEscalations.Add(escalation);
        var saved = await db.SaveVersionedAsync(risk, version, ct2 => db.Risks.AsNoTracking().FirstOrDefaultAsync(r => r.Id == riskId, ct2), ct: ct);
        return saved.Outcome == EditOutcome.Done ? EditResult<RiskEscalation>.Done(escalation) : Rewrap(saved);
    }

    /// <summary>The check before the decision form: a proposal still waiting, if the actor may decide it.</summary>
    public async Task<EditResult<RiskEscalation>> OpenDecisionAsync(Actor? actor, int escalationId, CancellationToken ct = default)
    {
        var escalation = await db.RiskEscalations.Include(e => e.Risk!).ThenInclude(r => r.Unit)
            .FirstOrDefaultAsync(e => e.Id == escalationId, ct);
        return escalation is null ? EditResult<RiskEscalation>.NotFound()
            : !Permissions.CanDecideRiskEscalations(actor) ? EditResult<RiskEscalation>.Forbidden(WhyCannotDecide(actor))
            : escalation.State != EscalationState.Proposed
                ? EditResult<RiskEscalation>.Refused($"This proposal was already {(escalation.State == EscalationState.Accepted ? "accepted" : "declined")} by {escalation.DecidedByName}.")
            : EditResult<RiskEscalation>.Done(escalation);
    }

    /// <summary>Accepts (the risk joins the strategic register) or declines the proposal; a decline needs its reason.</summary>
    public async Task<EditResult<RiskEscalation>> DecideAsync(Actor? actor, int escalationId, Guid? version, bool accept, string? reason, CancellationToken ct = default)
    {
        var opened = await OpenDecisionAsync(actor, escalationId, ct);
        if (opened.Record is not { } escalation)
        {
            return opened;
        }

        var read = new FieldReader();
        var text = read.Text(reason, RiskFields.Reason, "reason", RiskLimits.TextMaxLength, required: !accept);
        if (read.HasErrors)
        {
            return EditResult<RiskEscalation>.Invalid(read.Errors);
        }

        return await db.SaveVersionedAsync(escalation, version, ct2 => db.RiskEscalations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == escalationId, ct2), () =>
        {
            escalation.State = accept ? EscalationState.Accepted : EscalationState.Declined;
            escalation.DecidedAt = clock.GetUtcNow();
            escalation.DecidedByUserId = actor!.UserId;
            escalation.DecidedByName = actor.Name;
            escalation.DecisionReason = text;
            if (accept)
            {
                escalation.Risk!.RegisterLevel = RiskRegisterLevel.Strategic;
            }
        }, ct);
    }

    public static string WhyCannotPropose(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can propose its risks for the strategic register.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can propose only risks of your units, and risks that you or a post you hold own.",
        _ => "Your role lets you read the risk register but not propose risks for the strategic register.",
    };

    public static string WhyCannotDecide(Actor? actor) => actor switch
    {
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        _ => "Only performance officers and administrators decide which risks join the strategic register.",
    };

    private static EditResult<RiskEscalation> Rewrap(EditResult<Risk> result) => result.Outcome switch
    {
        EditOutcome.NotFound => EditResult<RiskEscalation>.NotFound(),
        EditOutcome.Forbidden => EditResult<RiskEscalation>.Forbidden(result.Reason!),
        EditOutcome.Invalid => EditResult<RiskEscalation>.Invalid(result.Errors!),
        _ => EditResult<RiskEscalation>.Refused(result.Reason ?? "The risk was changed by someone else meanwhile: read it again and propose it again."),
    };
}

/// <summary>Whether a risk may be proposed for the strategic register, in words (the rule beside <see cref="RiskRules.ProposeEscalation"/>).</summary>
public static class RiskEscalationRules
{
    /// <summary>Why a risk cannot be proposed now, or null: only an open service risk with no proposal waiting.</summary>
    public static string? WhyNotProposable(Risk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.State == RiskState.Closed ? "This risk is closed: only an open risk can be proposed for the strategic register."
            : risk.RegisterLevel == RiskRegisterLevel.Strategic ? "This risk is already on the strategic register."
            : risk.Escalations.Any(e => e.State == EscalationState.Proposed) ? "This risk is already proposed for the strategic register and waits for a decision."
            : null;
    }

    /// <summary>
    /// Whether a review proposes the risk for the strategic register: an open service risk that the review takes from at
    /// or below the escalation score to above it, with no proposal waiting or accepted. A risk that stays above the score
    /// is not proposed again by each review (after a decline it is offered on the escalations page instead).
    /// </summary>
    public static bool ProposedByReview(Risk risk, int previousScore, int reviewedScore, int? escalationScore)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return RiskRules.ProposeEscalation(risk.RegisterLevel, risk.State, reviewedScore, escalationScore)
            && !RiskRules.ProposeEscalation(risk.RegisterLevel, risk.State, previousScore, escalationScore)
            && !risk.Escalations.Any(e => e.State is EscalationState.Proposed or EscalationState.Accepted);
    }

    /// <summary>
    /// The service risks the matrix proposes by their score (current score above its escalation score) that have no
    /// proposal waiting or accepted: what the escalations page offers to propose.
    /// </summary>
    public static IEnumerable<Risk> DueByScore(IEnumerable<Risk> risks, int? escalationScore) =>
        risks.Where(r => RiskRules.ProposeEscalation(r.RegisterLevel, r.State, RiskRules.Score(r.CurrentLikelihood, r.CurrentImpact), escalationScore)
            && !r.Escalations.Any(e => e.State is EscalationState.Proposed or EscalationState.Accepted));
}
