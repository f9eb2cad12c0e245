using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>The organisation's plan types in order, with how many plans are of each.</summary>
public class TypesModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel<PlanType>(scope, editor)
{
    public IReadOnlyDictionary<int, int> PlanCounts { get; private set; } = new Dictionary<int, int>();

    public Task OnGetAsync(CancellationToken ct) => ShowListAsync(ListAsync, ct);

    public Task<IActionResult> OnPostMoveAsync(int id, string? direction, CancellationToken ct) =>
        MoveAsync(id, direction, Editor.FindTypeAsync, Editor.MoveTypeAsync, ListAsync, ct);

    private async Task<List<PlanType>> ListAsync(CancellationToken ct)
    {
        PlanCounts = await Editor.PlanCountsAsync(ct);
        return await Editor.TypesAsync(ct);
    }
}
