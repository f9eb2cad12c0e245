using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Changing a section's heading and guidance (its key stays; plans already started keep their own sections).</summary>
public class SectionEditModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel<SectionTemplate>(scope, editor)
{
    [BindProperty]
    public string? Heading { get; set; }

    [BindProperty]
    public string? Guidance { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var shown = await ShowEntryAsync(id, Editor.FindSectionAsync, ct);
        (Heading, Guidance) = (Entry?.Heading, Entry?.Guidance);
        return shown;
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, Editor.FindSectionAsync, actor => Editor.UpdateSectionAsync(actor, id, Version, new SectionTemplateInput(Heading, Guidance), ct),
            saved => ConflictRow.Differing(new("Heading", saved.Heading, Heading?.Trim()), new("Guidance", saved.Guidance, Guidance?.Trim())),
            saved => $"The section \u201c{saved.Heading}\u201d has been saved", SectionsPath, ct);
}
