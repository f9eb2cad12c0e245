using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Risks;

/// <summary>What the editors of a risk's parts (controls, further actions) share: the risk, checked for the actor.</summary>
internal sealed class RiskParts(WaymarkDbContext db)
{
    /// <summary>The risk, if it exists and the actor may change it; otherwise the refusal, as a result of the part's type.</summary>
    public async Task<(Risk Risk, EditResult<T>? Refusal)> RiskToEditAsync<T>(Actor? actor, int riskId, CancellationToken ct)
        where T : class
    {
        var risk = await db.Risks.FirstOrDefaultAsync(r => r.Id == riskId, ct);
        if (risk is null)
        {
            return (null!, EditResult<T>.NotFound());
        }

        return Permissions.CanEditRisk(actor, risk.UnitId, risk.OwnerPostId, risk.OwnerPersonId)
            ? (risk, null)
            : (risk, EditResult<T>.Forbidden(RiskRefusals.WhyCannotEdit(actor)));
    }

    /// <summary>A part of the risk, if the risk may be changed and the part belongs to it.</summary>
    public async Task<(T Part, EditResult<T>? Refusal)> PartToEditAsync<T>(Actor? actor, int riskId, IQueryable<T> part, CancellationToken ct)
        where T : class
    {
        var (_, refusal) = await RiskToEditAsync<T>(actor, riskId, ct);
        if (refusal is not null)
        {
            return (null!, refusal);
        }

        return await part.FirstOrDefaultAsync(ct) is { } found ? (found, null) : (null!, EditResult<T>.NotFound());
    }

    /// <summary>Checks a post, person or plan action chosen on a part's form belongs to the organisation.</summary>
    public async Task CheckChoicesAsync(FieldReader read, int? postId, int? personId, int? planActionId, string ownerField, CancellationToken ct)
    {
        if (postId is { } post && !await db.Posts.AnyAsync(p => p.Id == post, ct))
        {
            read.Fail(ownerField, "Select a post from the list");
        }

        if (personId is { } person && !await db.People.AnyAsync(p => p.Id == person, ct))
        {
            read.Fail(ownerField, "Select a person from the list");
        }

        if (planActionId is { } action && !await db.PlanActions.AnyAsync(a => a.Id == action, ct))
        {
            read.Fail(RiskFields.PlanActionId, "Select a plan action from the list");
        }
    }
}
