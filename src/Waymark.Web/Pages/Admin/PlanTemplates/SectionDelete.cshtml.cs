using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Taking a section out of the template (plans already started keep theirs).</summary>
public class SectionDeleteModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel<SectionTemplate>(scope, editor)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var shown = await ShowEntryAsync(id, Editor.FindSectionAsync, ct);
        Refusal = Entry is null ? null : await Editor.WhySectionCannotBeDeletedAsync(Entry, ct);
        return shown;
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        DeleteAsync(id, Editor.FindSectionAsync, actor => Editor.DeleteSectionAsync(actor, id, Version, ct), "section", SectionsPath, ct);
}
