using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>The sections every new plan starts with, in order, with the guidance shown to whoever writes each.</summary>
public class SectionsModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel<SectionTemplate>(scope, editor)
{
    public Task OnGetAsync(CancellationToken ct) => ShowListAsync(Editor.SectionsAsync, ct);

    public Task<IActionResult> OnPostMoveAsync(int id, string? direction, CancellationToken ct) =>
        MoveAsync(id, direction, Editor.FindSectionAsync, Editor.MoveSectionAsync, Editor.SectionsAsync, ct);
}
