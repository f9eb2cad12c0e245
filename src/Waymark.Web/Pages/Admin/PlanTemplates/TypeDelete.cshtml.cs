using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Deleting a plan type: refused while plans are of it.</summary>
public class TypeDeleteModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplateDeleteModel<PlanType>(scope, editor)
{
    public override string ListPath => TypesPath;

    public override string Kind => "plan type";

    internal override string NameOf(PlanType entry) => entry.Name;

    protected override Task<PlanType?> FindAsync(int id, CancellationToken ct) => Editor.FindTypeAsync(id, ct);

    protected override Task<string?> WhyNotAsync(PlanType entry, CancellationToken ct) => Editor.WhyTypeCannotBeDeletedAsync(entry, ct);

    protected override Task<EditResult<PlanType>> DeleteAsync(Actor? actor, int id, Guid version, CancellationToken ct) =>
        Editor.DeleteTypeAsync(actor, id, version, ct);
}
