using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Adding a section at the end of the template.</summary>
public class SectionNewModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel<SectionTemplate>(scope, editor)
{
    [BindProperty]
    public SectionTemplateInput Input { get; set; } = new(null, null);

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        AddAsync(actor => Editor.AddSectionAsync(actor, Input, ct), section => $"The section \u201c{section.Heading}\u201d has been added to the template", SectionsPath, ct);
}
