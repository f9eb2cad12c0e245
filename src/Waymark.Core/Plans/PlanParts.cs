using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Plans;

/// <summary>
/// The one lookup every plan content editor starts from: the plan (or a part of it) if the actor may change it and it is
/// a draft, else why not; and the record as it now is, for a conflict.
/// </summary>
internal sealed class PlanParts(WaymarkDbContext db)
{
    /// <summary>The plan, tracked, with its type and unit.</summary>
    public Task<Plan?> FindAsync(int id, CancellationToken ct) =>
        db.Plans.Include(p => p.PlanType).Include(p => p.Unit).SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The plan, tracked, if the actor may change it and it is a draft; else why not (not found, forbidden, refused).</summary>
    public async Task<(Plan Plan, EditResult<T>? Refusal)> PlanToEditAsync<T>(Actor? actor, int id, CancellationToken ct)
        where T : class
    {
        var plan = await FindAsync(id, ct);
        if (plan is null)
        {
            return (null!, EditResult<T>.NotFound());
        }

        if (!Permissions.CanEditPlan(actor, plan.UnitId))
        {
            return (plan, EditResult<T>.Forbidden(PlanEditor.WhyCannotEdit(actor, plan)));
        }

        return PlanWorkflowRules.ContentEditable(plan.State) ? (plan, null) : (plan, EditResult<T>.Refused(PlanEditor.NotDraft));
    }

    /// <summary>A part of the plan (a section, a recommendation), tracked, if the actor may change the plan and it is a draft.</summary>
    public async Task<(T Part, EditResult<T>? Refusal)> PartToEditAsync<T>(Actor? actor, int planId, IQueryable<T> part, CancellationToken ct)
        where T : class
    {
        var (_, refusal) = await PlanToEditAsync<T>(actor, planId, ct);
        if (refusal is not null)
        {
            return (null!, refusal);
        }

        var found = await part.SingleOrDefaultAsync(ct);
        return found is null ? (null!, EditResult<T>.NotFound()) : (found, null);
    }

    /// <summary>A part to change: as <see cref="PartToEditAsync"/>, and a change without the version it was based on is refused.</summary>
    public async Task<(T Part, EditResult<T>? Refusal)> PartToChangeAsync<T>(Actor? actor, int planId, IQueryable<T> part, Guid? version, CancellationToken ct)
        where T : class
    {
        var (found, refusal) = await PartToEditAsync(actor, planId, part, ct);
        return refusal is null && version is null ? (found, EditResult<T>.VersionMissing()) : (found, refusal);
    }

    /// <summary>Reads the plan as it now is (untracked, with its type and unit), for a conflict.</summary>
    public Func<CancellationToken, Task<Plan?>> CurrentPlan(int id) =>
        ct => db.Plans.AsNoTracking().Include(p => p.PlanType).Include(p => p.Unit).SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Reads a part of a plan as it now is (untracked), for a conflict; the id is read when asked, so a new part works too.</summary>
    public Func<CancellationToken, Task<T?>> Current<T>(T record)
        where T : class
    {
        var id = (int)db.Entry(record).Property("Id").CurrentValue!;
        return ct => db.Set<T>().AsNoTracking().SingleOrDefaultAsync(x => EF.Property<int>(x, "Id") == id, ct);
    }
}
