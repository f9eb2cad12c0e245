using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Plans;

/// <summary>
/// Moves a plan through its workflow (<see cref="PlanWorkflowRules"/>) for pages and the API alike: checks who may
/// (<see cref="Permissions"/>), refuses moves the rules do not allow, records each step (from, to, comment, who, when)
/// and refuses stale versions. Every save is audited by the DbContext.
/// </summary>
public sealed class PlanWorkflow(WaymarkDbContext db, TimeProvider clock)
{
    /// <summary>The field the comment (or, back to draft, the reason) is reported against.</summary>
    public const string CommentField = "comment";

    /// <summary>The plan, tracked, with its unit and type.</summary>
    public Task<Plan?> FindAsync(int id, CancellationToken ct = default) =>
        db.Plans.Include(p => p.Unit).Include(p => p.PlanType).SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>
    /// The check a page makes before asking to move a plan to <paramref name="to"/>: the plan, if the actor may take that
    /// step (whether the plan's state allows it now is said on the page, with the form).
    /// </summary>
    public async Task<EditResult<Plan>> OpenAsync(Actor? actor, int planId, PlanState to, CancellationToken ct = default)
    {
        var plan = await FindAsync(planId, ct);
        if (plan is null)
        {
            return EditResult<Plan>.NotFound();
        }

        return PlanWorkflowRules.WhyNotAllowed(actor, plan.UnitId, plan.State, to) is { } forbidden
            ? EditResult<Plan>.Forbidden(forbidden)
            : EditResult<Plan>.Done(plan);
    }

    /// <summary>Draft → submitted: for those who may change the plan.</summary>
    public Task<EditResult<Plan>> SubmitAsync(Actor? actor, int planId, Guid? version, string? comment, CancellationToken ct = default) =>
        MoveAsync(actor, planId, PlanState.Submitted, version, comment, ct);

    /// <summary>Submitted → approved: the central team.</summary>
    public Task<EditResult<Plan>> ApproveAsync(Actor? actor, int planId, Guid? version, string? comment, CancellationToken ct = default) =>
        MoveAsync(actor, planId, PlanState.Approved, version, comment, ct);

    /// <summary>Approved → published: the central team.</summary>
    public Task<EditResult<Plan>> PublishAsync(Actor? actor, int planId, Guid? version, string? comment, CancellationToken ct = default) =>
        MoveAsync(actor, planId, PlanState.Published, version, comment, ct);

    /// <summary>
    /// Submitted, approved or published → draft, with a reason (required, recorded): the central team; and those who may
    /// change the plan, to withdraw it while it is submitted.
    /// </summary>
    public Task<EditResult<Plan>> ReturnToDraftAsync(Actor? actor, int planId, Guid? version, string? reason, CancellationToken ct = default) =>
        MoveAsync(actor, planId, PlanState.Draft, version, reason, ct);

    /// <summary>The plan's steps, oldest first.</summary>
    public Task<List<PlanStep>> StepsAsync(int planId, CancellationToken ct = default) =>
        db.PlanSteps.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Id).ToListAsync(ct); // in the order they were taken

    private async Task<EditResult<Plan>> MoveAsync(Actor? actor, int planId, PlanState to, Guid? version, string? comment, CancellationToken ct)
    {
        var plan = await FindAsync(planId, ct);
        if (plan is null)
        {
            return EditResult<Plan>.NotFound();
        }

        if (PlanWorkflowRules.WhyNotAllowed(actor, plan.UnitId, plan.State, to) is { } forbidden)
        {
            return EditResult<Plan>.Forbidden(forbidden);
        }

        if (PlanWorkflowRules.WhyNotMove(plan.State, to) is { } refused)
        {
            return EditResult<Plan>.Refused(refused);
        }

        var needsReason = PlanWorkflowRules.NeedsReason(to);
        var read = new FieldReader();
        var text = read.Text(comment, CommentField, needsReason ? "reason for returning the plan to draft" : "comment", PlanLimits.ShortTextMaxLength, required: needsReason);
        if (read.HasErrors)
        {
            return EditResult<Plan>.Invalid(read.Errors);
        }

        if (version is null)
        {
            return EditResult<Plan>.VersionMissing();
        }

        return await db.SaveVersionedAsync(plan, version, c => db.Plans.AsNoTracking().Include(p => p.Unit).Include(p => p.PlanType).SingleOrDefaultAsync(p => p.Id == planId, c), () =>
        {
            db.PlanSteps.Add(new PlanStep
            {
                OrganisationId = plan.OrganisationId, PlanId = plan.Id, From = plan.State, To = to, Comment = text,
                ByUserId = actor!.UserId, ByName = actor.Name, At = clock.GetUtcNow(),
            });
            plan.State = to;
        }, ct);
    }
}
