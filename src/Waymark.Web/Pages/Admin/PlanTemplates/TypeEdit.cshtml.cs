using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Renaming a plan type (its key stays).</summary>
public class TypeEditModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel<PlanType>(scope, editor)
{
    [BindProperty]
    public PlanTypeInput Input { get; set; } = new(null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var shown = await ShowEntryAsync(id, Editor.FindTypeAsync, ct);
        Input = new PlanTypeInput(Entry?.Name);
        return shown;
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, Editor.FindTypeAsync, actor => Editor.RenameTypeAsync(actor, id, Version, Input, ct),
            saved => ConflictRow.Differing(new ConflictRow("Name", saved.Name, Input.Name?.Trim())),
            saved => $"The plan type \u201c{saved.Name}\u201d has been saved", TypesPath, ct);
}
