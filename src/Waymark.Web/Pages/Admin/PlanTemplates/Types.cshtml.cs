using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>The organisation's plan types in order, with how many plans are of each.</summary>
public class TypesModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplateListModel<PlanType>(scope, editor)
{
    public IReadOnlyDictionary<int, int> PlanCounts { get; private set; } = new Dictionary<int, int>();

    protected override async Task<List<PlanType>> ListAsync(CancellationToken ct)
    {
        PlanCounts = await Editor.PlanCountsAsync(ct);
        return await Editor.TypesAsync(ct);
    }

    protected override Task<EditResult<PlanType>> MoveAsync(Actor? actor, int id, Guid version, bool up, CancellationToken ct) =>
        Editor.MoveTypeAsync(actor, id, version, up, ct);

    internal override string NameOf(PlanType entry) => entry.Name;
}
