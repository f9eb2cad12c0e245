using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Risks;

/// <summary>Adds, changes and removes a risk's existing controls (whoever may change the risk).</summary>
public sealed class RiskControlEditor(WaymarkDbContext db)
{
    private readonly RiskParts parts = new(db);

    public async Task<EditResult<RiskControl>> OpenAsync(Actor? actor, int riskId, int controlId, CancellationToken ct = default)
    {
        var (control, refusal) = await parts.PartToEditAsync(actor, riskId, Find(riskId, controlId), ct);
        return refusal ?? EditResult<RiskControl>.Done(control);
    }

    /// <summary>The check before the form for a new control: the risk may be changed by the actor.</summary>
    public async Task<EditResult<Risk>> OpenNewAsync(Actor? actor, int riskId, CancellationToken ct = default)
    {
        var (risk, refusal) = await parts.RiskToEditAsync<Risk>(actor, riskId, ct);
        return refusal ?? EditResult<Risk>.Done(risk);
    }

    public async Task<EditResult<RiskControl>> AddAsync(Actor? actor, int riskId, RiskControlInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (risk, refusal) = await parts.RiskToEditAsync<RiskControl>(actor, riskId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (read, description) = await ValidateAsync(input, ct);
        if (read.HasErrors)
        {
            return EditResult<RiskControl>.Invalid(read.Errors);
        }

        var order = await db.RiskControls.Where(c => c.RiskId == riskId).Select(c => (int?)c.SortOrder).MaxAsync(ct) ?? -1;
        var control = new RiskControl { OrganisationId = risk.OrganisationId, RiskId = riskId, Description = description!, SortOrder = order + 1 };
        Apply(control, input, description!);
        db.RiskControls.Add(control);
        return await db.SaveVersionedAsync(control, null, Current(control.Id), null, ct);
    }

    public async Task<EditResult<RiskControl>> UpdateAsync(Actor? actor, int riskId, int controlId, Guid? version, RiskControlInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (control, refusal) = await parts.PartToEditAsync(actor, riskId, Find(riskId, controlId), ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (read, description) = await ValidateAsync(input, ct);
        if (read.HasErrors)
        {
            return EditResult<RiskControl>.Invalid(read.Errors);
        }

        return await db.SaveVersionedAsync(control, version, Current(controlId), () => Apply(control, input, description!), ct);
    }

    public async Task<EditResult<RiskControl>> DeleteAsync(Actor? actor, int riskId, int controlId, CancellationToken ct = default)
    {
        var (control, refusal) = await parts.PartToEditAsync(actor, riskId, Find(riskId, controlId), ct);
        if (refusal is not null)
        {
            return refusal;
        }

        db.RiskControls.Remove(control);
        return await db.SaveVersionedAsync(control, null, Current(controlId), null, ct);
    }

    private static void Apply(RiskControl control, RiskControlInput input, string description)
    {
        control.Description = description;
        control.OwnerPostId = input.OwnerPostId;
        control.OwnerPersonId = input.OwnerPersonId;
        control.OwnerName = FieldReader.Clean(input.OwnerName);
        control.Effectiveness = input.Effectiveness!.Value;
    }

    private async Task<(FieldReader Read, string? Description)> ValidateAsync(RiskControlInput input, CancellationToken ct)
    {
        var read = new FieldReader();
        var description = read.Text(input.Description, RiskFields.Description, "description", RiskLimits.ShortTextMaxLength, required: true);
        read.Text(input.OwnerName, RiskFields.OwnerName, "owner's name", RiskLimits.NameMaxLength);
        if (input.Effectiveness is not { } effectiveness || !Enum.IsDefined(effectiveness))
        {
            read.Fail(RiskFields.Effectiveness, "Select how effective the control is");
        }

        await parts.CheckChoicesAsync(read, input.OwnerPostId, input.OwnerPersonId, null, RiskFields.Owner, ct);
        return (read, description);
    }

    private IQueryable<RiskControl> Find(int riskId, int controlId) => db.RiskControls.Where(c => c.Id == controlId && c.RiskId == riskId);

    private Func<CancellationToken, Task<RiskControl?>> Current(int controlId) =>
        ct => db.RiskControls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == controlId, ct);
}
