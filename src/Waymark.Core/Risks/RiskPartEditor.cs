using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Risks;

/// <summary>A part of a risk that is edited on its own: a control or a further action, kept in the risk's order.</summary>
public interface IRiskPart : IVersioned
{
    int Id { get; }
    int RiskId { get; }
    int SortOrder { get; set; }
}

/// <summary>
/// What the editors of a risk's parts share: the risk is checked for the actor (whoever may change the risk changes its
/// parts), a part is found only under its own risk, a new part goes last, and every save is guarded by the version.
/// Each editor says how its part is read from the form and applied.
/// </summary>
public abstract class RiskPartEditor<TPart, TInput>(WaymarkDbContext db)
    where TPart : class, IRiskPart
    where TInput : class
{
    private protected WaymarkDbContext Db { get; } = db;

    private protected RiskParts Parts { get; } = new(db);

    /// <summary>The check before the form for a new part: the risk may be changed by the actor.</summary>
    public async Task<EditResult<Risk>> OpenNewAsync(Actor? actor, int riskId, CancellationToken ct = default)
    {
        var (risk, refusal) = await Parts.RiskToEditAsync<Risk>(actor, riskId, ct);
        return refusal ?? EditResult<Risk>.Done(risk);
    }

    /// <summary>The rows of this part.</summary>
    private protected abstract DbSet<TPart> Set { get; }

    /// <summary>A new part of the risk, before the input is applied.</summary>
    private protected abstract TPart Create(Risk risk, int sortOrder);

    /// <summary>Reads the input: the errors, and how to apply the read values to the part.</summary>
    private protected abstract Task<(FieldReader Read, Action<TPart> Apply)> ReadAsync(TInput input, CancellationToken ct);

    private protected async Task<EditResult<TPart>> OpenPartAsync(Actor? actor, int riskId, int partId, CancellationToken ct)
    {
        var (part, refusal) = await Parts.PartToEditAsync(actor, riskId, Find(riskId, partId), ct);
        return refusal ?? EditResult<TPart>.Done(part);
    }

    private protected async Task<EditResult<TPart>> AddPartAsync(Actor? actor, int riskId, TInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (risk, refusal) = await Parts.RiskToEditAsync<TPart>(actor, riskId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (read, apply) = await ReadAsync(input, ct);
        if (read.HasErrors)
        {
            return EditResult<TPart>.Invalid(read.Errors);
        }

        var order = await Set.Where(p => p.RiskId == riskId).Select(p => (int?)p.SortOrder).MaxAsync(ct) ?? -1;
        var part = Create(risk, order + 1);
        apply(part);
        Set.Add(part);
        return await Db.SaveVersionedAsync(part, null, Current(part.Id), null, ct);
    }

    private protected async Task<EditResult<TPart>> UpdatePartAsync(Actor? actor, int riskId, int partId, Guid? version, TInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (part, refusal) = await Parts.PartToEditAsync(actor, riskId, Find(riskId, partId), ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (read, apply) = await ReadAsync(input, ct);
        if (read.HasErrors)
        {
            return EditResult<TPart>.Invalid(read.Errors);
        }

        return await Db.SaveVersionedAsync(part, version, Current(partId), () => apply(part), ct);
    }

    private protected async Task<EditResult<TPart>> DeletePartAsync(Actor? actor, int riskId, int partId, CancellationToken ct)
    {
        var (part, refusal) = await Parts.PartToEditAsync(actor, riskId, Find(riskId, partId), ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Set.Remove(part);
        return await Db.SaveVersionedAsync(part, null, Current(partId), null, ct);
    }

    private IQueryable<TPart> Find(int riskId, int partId) => Set.Where(p => p.Id == partId && p.RiskId == riskId);

    private Func<CancellationToken, Task<TPart?>> Current(int partId) =>
        ct => Set.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partId, ct);
}
