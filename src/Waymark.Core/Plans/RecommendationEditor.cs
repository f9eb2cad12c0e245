using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Plans;

/// <summary>Adds, changes and deletes the inspection recommendations a draft plan answers.</summary>
public sealed class RecommendationEditor(WaymarkDbContext db)
{
    /// <summary>How long a recommendation's number ("R3") may be.</summary>
    public const int NumberMaxLength = 20;

    private readonly PlanParts parts = new(db);

    /// <summary>The check a page makes before showing a recommendation's form: it, if the actor may change its plan and it is a draft.</summary>
    public async Task<EditResult<Recommendation>> OpenAsync(Actor? actor, int planId, int recommendationId, CancellationToken ct = default)
    {
        var (recommendation, refusal) = await parts.PartToEditAsync(actor, planId, Find(planId, recommendationId), ct);
        return refusal ?? EditResult<Recommendation>.Done(recommendation);
    }

    public async Task<EditResult<Recommendation>> AddRecommendationAsync(Actor? actor, int planId, RecommendationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, refusal) = await parts.PlanToEditAsync<Recommendation>(actor, planId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var read = Validate(input, out var number, out var text);
        if (read.HasErrors)
        {
            return EditResult<Recommendation>.Invalid(read.Errors);
        }

        var order = await db.Recommendations.Where(r => r.PlanId == planId).Select(r => (int?)r.SortOrder).MaxAsync(ct) ?? -1;
        var recommendation = new Recommendation { OrganisationId = plan.OrganisationId, PlanId = planId, Number = number!, Text = text!, SortOrder = order + 1 };
        db.Recommendations.Add(recommendation);
        return await db.SaveVersionedAsync(recommendation, null, parts.Current(recommendation), null, ct);
    }

    public async Task<EditResult<Recommendation>> UpdateRecommendationAsync(
        Actor? actor, int planId, int recommendationId, Guid? version, RecommendationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (recommendation, refusal) = await parts.PartToChangeAsync(actor, planId, Find(planId, recommendationId), version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var read = Validate(input, out var number, out var text);
        if (read.HasErrors)
        {
            return EditResult<Recommendation>.Invalid(read.Errors);
        }

        return await db.SaveVersionedAsync(recommendation, version, parts.Current(recommendation), () =>
        {
            recommendation.Number = number!;
            recommendation.Text = text!;
        }, ct);
    }

    /// <summary>Deletes a recommendation; the proposals that answered it stay in the plan, answering none.</summary>
    public async Task<EditResult<Recommendation>> DeleteRecommendationAsync(Actor? actor, int planId, int recommendationId, CancellationToken ct = default)
    {
        var (recommendation, refusal) = await parts.PartToEditAsync(actor, planId, Find(planId, recommendationId), ct);
        if (refusal is not null)
        {
            return refusal;
        }

        // Loaded, so that each unlinking is tracked and so audited (the database would set them to null silently).
        foreach (var action in await db.PlanActions.Where(a => a.RecommendationId == recommendationId).ToListAsync(ct))
        {
            action.RecommendationId = null;
        }

        db.Recommendations.Remove(recommendation);
        return await db.SaveVersionedAsync(recommendation, null, parts.Current(recommendation), null, ct);
    }

    private IQueryable<Recommendation> Find(int planId, int recommendationId) => db.Recommendations.Where(r => r.Id == recommendationId && r.PlanId == planId);

    private static FieldReader Validate(RecommendationInput input, out string? number, out string? text)
    {
        var read = new FieldReader();
        number = read.Text(input.Number, PlanFields.Number, "number", NumberMaxLength, required: true);
        text = read.Text(input.Text, PlanFields.Text, "recommendation", PlanLimits.TextMaxLength, required: true);
        return read;
    }
}
