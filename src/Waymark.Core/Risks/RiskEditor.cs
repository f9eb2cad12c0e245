using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Risks;

/// <summary>
/// Adds, changes, closes and reopens risks. The review date follows the current score's band; a change of the current
/// score, or any save after a change of matrix, counts as a re-assessment.
/// </summary>
public sealed class RiskEditor(WaymarkDbContext db, TimeProvider clock)
{
    /// <summary>The check a page makes before showing a risk's forms: the risk, with its links, if the actor may change it.</summary>
    public async Task<EditResult<Risk>> OpenAsync(Actor? actor, int riskId, CancellationToken ct = default)
    {
        var risk = await db.Risks.Include(r => r.Links).FirstOrDefaultAsync(r => r.Id == riskId, ct);
        return risk is null ? EditResult<Risk>.NotFound()
            : !Permissions.CanEditRisk(actor, risk.UnitId, risk.OwnerPostId, risk.OwnerPersonId) ? EditResult<Risk>.Forbidden(RiskRefusals.WhyCannotEdit(actor))
            : EditResult<Risk>.Done(risk);
    }

    /// <summary>The check before the form for a new risk: the matrix its scores are chosen on, if the actor may add risks at all.</summary>
    public async Task<EditResult<RiskMatrix>> OpenNewAsync(Actor? actor, CancellationToken ct = default) =>
        Permissions.CanCreateRisks(actor)
            ? EditResult<RiskMatrix>.Done(await new RiskMatrixQueries(db).MatrixAsync(ct))
            : EditResult<RiskMatrix>.Forbidden(RiskRefusals.WhyCannotCreate(actor, RiskRegisterLevel.Service));

    public async Task<EditResult<Risk>> CreateAsync(Actor? actor, RiskInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanCreateRisk(actor, input.RegisterLevel, input.UnitId))
        {
            return Permissions.CanCreateRisks(actor) && input.UnitId is null && input.RegisterLevel == RiskRegisterLevel.Service
                ? EditResult<Risk>.Invalid(RiskFields.UnitId, "Select the unit whose risk it is")
                : EditResult<Risk>.Forbidden(RiskRefusals.WhyCannotCreate(actor, input.RegisterLevel));
        }

        var matrix = await RiskMatrixEditor.ProvideAsync(db, actor!.OrganisationId, ct);
        var (values, errors) = await RiskInputReader.ReadAsync(db, matrix, input, null, ct);
        if (values is null)
        {
            return EditResult<Risk>.Invalid(errors);
        }

        var used = await db.Risks.Select(r => r.Reference).ToListAsync(ct);
        var risk = new Risk
        {
            OrganisationId = actor.OrganisationId,
            Reference = values.Reference ?? RiskRules.NextReference(input.RegisterLevel, used),
            Title = values.Title,
            RegisterLevel = input.RegisterLevel,
            IsDemonstration = input.IsDemonstration,
        };
        Apply(risk, values, input, matrix);
        db.Risks.Add(risk);
        return await db.SaveVersionedAsync(risk, null, Current(risk.Id), null, ct);
    }

    public async Task<EditResult<Risk>> UpdateAsync(Actor? actor, int riskId, Guid? version, RiskInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var opened = await OpenAsync(actor, riskId, ct);
        if (opened.Record is not { } risk)
        {
            return opened;
        }

        if (version is null)
        {
            return EditResult<Risk>.VersionMissing();
        }

        if (input.RegisterLevel != risk.RegisterLevel && !Permissions.CanDecideRiskEscalations(actor))
        {
            return EditResult<Risk>.Invalid(RiskFields.RegisterLevel, "Only the central team moves a risk between registers: propose it for the strategic register instead");
        }

        var matrix = await RiskMatrixEditor.ProvideAsync(db, actor!.OrganisationId, ct);
        var (values, errors) = await RiskInputReader.ReadAsync(db, matrix, input, riskId, ct);
        if (values is null)
        {
            return EditResult<Risk>.Invalid(errors);
        }

        return await db.SaveVersionedAsync(risk, version, Current(riskId), () =>
        {
            risk.Reference = values.Reference ?? risk.Reference;
            risk.Title = values.Title;
            risk.RegisterLevel = input.RegisterLevel;
            Apply(risk, values, input, matrix);
        }, ct);
    }

    /// <summary>Closes a risk with the reason it no longer needs managing; it leaves the open register but keeps its history.</summary>
    public async Task<EditResult<Risk>> CloseAsync(Actor? actor, int riskId, Guid? version, string? reason, CancellationToken ct = default)
    {
        var opened = await OpenAsync(actor, riskId, ct);
        if (opened.Record is not { } risk)
        {
            return opened;
        }

        if (risk.State == RiskState.Closed)
        {
            return EditResult<Risk>.Refused("This risk is already closed.");
        }

        var read = new FieldReader();
        var why = read.Text(reason, RiskFields.Reason, "reason", RiskLimits.ShortTextMaxLength, required: true);
        if (read.HasErrors)
        {
            return EditResult<Risk>.Invalid(read.Errors);
        }

        return await db.SaveVersionedAsync(risk, version, Current(riskId), () =>
        {
            risk.State = RiskState.Closed;
            risk.ClosedReason = why;
            risk.ClosedOn = db.Scope.Today(clock);
            risk.NeedsReassessment = false;
        }, ct);
    }

    /// <summary>Opens a closed risk again (it comes back to the register with its scores, due for review today).</summary>
    public async Task<EditResult<Risk>> ReopenAsync(Actor? actor, int riskId, Guid? version, CancellationToken ct = default)
    {
        var opened = await OpenAsync(actor, riskId, ct);
        if (opened.Record is not { } risk)
        {
            return opened;
        }

        if (risk.State == RiskState.Open)
        {
            return EditResult<Risk>.Refused("This risk is already open.");
        }

        return await db.SaveVersionedAsync(risk, version, Current(riskId), () =>
        {
            risk.State = RiskState.Open;
            risk.ClosedOn = null;
            risk.ClosedReason = null;
            risk.ReviewDue = db.Scope.Today(clock);
        }, ct);
    }

    private void Apply(Risk risk, RiskValues values, RiskInput input, RiskMatrix matrix)
    {
        var rescored = risk.Id == 0 || risk.CurrentLikelihood != values.CurrentLikelihood || risk.CurrentImpact != values.CurrentImpact;
        risk.Cause = values.Cause;
        risk.Event = values.Event;
        risk.Consequence = values.Consequence;
        risk.Category = values.Category;
        risk.UnitId = values.UnitId;
        risk.OwnerPostId = values.OwnerPostId;
        risk.OwnerPersonId = values.OwnerPersonId;
        risk.OwnerName = values.OwnerName;
        risk.InherentLikelihood = values.InherentLikelihood;
        risk.InherentImpact = values.InherentImpact;
        risk.CurrentLikelihood = values.CurrentLikelihood;
        risk.CurrentImpact = values.CurrentImpact;
        risk.TargetLikelihood = values.TargetLikelihood;
        risk.TargetImpact = values.TargetImpact;
        risk.Response = input.Response;
        risk.NeedsReassessment = false;
        if (rescored || risk.ReviewDue is null)
        {
            risk.ReviewDue = RiskRules.ReviewDue(matrix.Bands, RiskRules.Score(values.CurrentLikelihood, values.CurrentImpact), db.Scope.Today(clock));
        }

        SetLinks(risk, input);
    }

    /// <summary>Makes the risk's links those of the input: links no longer wanted go, new ones are added (each audited).</summary>
    private void SetLinks(Risk risk, RiskInput input)
    {
        var wanted = input.LinkedObjectiveIds.Distinct().Select(id => new RiskLink { ObjectiveId = id })
            .Concat(input.LinkedPlanIds.Distinct().Select(id => new RiskLink { PlanId = id }))
            .Concat(input.LinkedIndicatorIds.Distinct().Select(id => new RiskLink { IndicatorId = id }))
            .Concat(input.LinkedActionIds.Distinct().Select(id => new RiskLink { ActionId = id }))
            .ToList();
        static (int?, int?, int?, int?) Key(RiskLink l) => (l.ObjectiveId, l.PlanId, l.IndicatorId, l.ActionId);
        foreach (var gone in risk.Links.Where(l => wanted.All(w => Key(w) != Key(l))).ToList())
        {
            risk.Links.Remove(gone);
            db.Remove(gone);
        }

        foreach (var link in wanted.Where(w => risk.Links.All(l => Key(l) != Key(w))))
        {
            link.OrganisationId = risk.OrganisationId;
            risk.Links.Add(link);
        }
    }

    private Func<CancellationToken, Task<Risk?>> Current(int riskId) =>
        ct => db.Risks.AsNoTracking().Include(r => r.Links).FirstOrDefaultAsync(r => r.Id == riskId, ct);
}
