using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Risks;

/// <summary>Adds, changes and removes a risk's existing controls (whoever may change the risk).</summary>
public sealed class RiskControlEditor(WaymarkDbContext db) : RiskPartEditor<RiskControl, RiskControlInput>(db)
{
    public Task<EditResult<RiskControl>> OpenAsync(Actor? actor, int riskId, int controlId, CancellationToken ct = default) =>
        OpenPartAsync(actor, riskId, controlId, ct);

    public Task<EditResult<RiskControl>> AddAsync(Actor? actor, int riskId, RiskControlInput input, CancellationToken ct = default) =>
        AddPartAsync(actor, riskId, input, ct);

    public Task<EditResult<RiskControl>> UpdateAsync(Actor? actor, int riskId, int controlId, Guid? version, RiskControlInput input, CancellationToken ct = default) =>
        UpdatePartAsync(actor, riskId, controlId, version, input, ct);

    public Task<EditResult<RiskControl>> DeleteAsync(Actor? actor, int riskId, int controlId, CancellationToken ct = default) =>
        DeletePartAsync(actor, riskId, controlId, ct);

    private protected override DbSet<RiskControl> Set => Db.RiskControls;

    private protected override RiskControl Create(Risk risk, int sortOrder) =>
        new() { OrganisationId = risk.OrganisationId, RiskId = risk.Id, Description = "", SortOrder = sortOrder };

    private protected override async Task<(FieldReader Read, Action<RiskControl> Apply)> ReadAsync(RiskControlInput input, CancellationToken ct)
    {
        var read = new FieldReader();
        var description = read.Text(input.Description, RiskFields.Description, "description", RiskLimits.ShortTextMaxLength, required: true);
        read.Text(input.OwnerName, RiskFields.OwnerName, "owner's name", RiskLimits.NameMaxLength);
        if (input.Effectiveness is not { } effectiveness || !Enum.IsDefined(effectiveness))
        {
            read.Fail(RiskFields.Effectiveness, "Select how effective the control is");
        }

        await Parts.CheckChoicesAsync(read, input.OwnerPostId, input.OwnerPersonId, null, RiskFields.Owner, ct);
        return (read, control =>
        {
            control.Description = description!;
            control.OwnerPostId = input.OwnerPostId;
            control.OwnerPersonId = input.OwnerPersonId;
            control.OwnerName = FieldReader.Clean(input.OwnerName);
            control.Effectiveness = input.Effectiveness!.Value;
        });
    }
}
