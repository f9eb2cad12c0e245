using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Changing a section's heading and guidance (its key stays; plans already started keep their own sections).</summary>
public class SectionEditModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel<SectionTemplate>(scope, editor)
{
    [BindProperty]
    public SectionTemplateInput Input { get; set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var shown = await ShowEntryAsync(id, Editor.FindSectionAsync, ct);
        Input = new SectionTemplateInput(Entry?.Heading, Entry?.Guidance);
        return shown;
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, Editor.FindSectionAsync, actor => Editor.UpdateSectionAsync(actor, id, Version, Input, ct),
            saved => ConflictRow.Differing(new("Heading", saved.Heading, Input.Heading?.Trim()), new("Guidance", saved.Guidance, Input.Guidance?.Trim())),
            saved => $"The section \u201c{saved.Heading}\u201d has been saved", SectionsPath, ct);
}
