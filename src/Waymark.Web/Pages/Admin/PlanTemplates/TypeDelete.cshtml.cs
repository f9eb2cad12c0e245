using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Deleting a plan type: refused while plans are of it.</summary>
public class TypeDeleteModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel<PlanType>(scope, editor)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var shown = await ShowEntryAsync(id, Editor.FindTypeAsync, ct);
        Refusal = Entry is null ? null : await Editor.WhyTypeCannotBeDeletedAsync(Entry, ct);
        return shown;
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        DeleteAsync(id, Editor.FindTypeAsync, actor => Editor.DeleteTypeAsync(actor, id, Version, ct), "plan type", TypesPath, ct);
}
