using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Adding a plan type at the end of the list.</summary>
public class TypeNewModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel<PlanType>(scope, editor)
{
    [BindProperty]
    public PlanTypeInput Input { get; set; } = new(null);

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        AddAsync(actor => Editor.AddTypeAsync(actor, Input, ct), type => $"The plan type \u201c{type.Name}\u201d has been added", TypesPath, ct);
}
