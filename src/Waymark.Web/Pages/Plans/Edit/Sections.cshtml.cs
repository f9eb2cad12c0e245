using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>A draft plan's sections: each to change, and a section to add.</summary>
public class SectionsModel(OrganisationScope scope, PlanEditor editor, PlanSectionEditor sections, WaymarkDbContext db) : PlanEditPageModel(scope, editor)
{
    [BindProperty]
    public SectionInput Input { get; set; } = new(null, null);

    public IReadOnlyList<PlanSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        return await AnswerAsync(await sections.AddSectionAsync(Actor, id, Input, ct), section => Redirect($"{PlanPath}#section-{section.Id}"));
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if ((await OpenPlanAsync(id, ct)).Stop is { } stop)
        {
            return stop;
        }

        Sections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == id).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        return null;
    }
}
