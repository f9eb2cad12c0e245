using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class UnitDeleteModel(OrganisationScope scope, StructureEditor editor, WaymarkDbContext db) : EditorPageModel(scope)
{
    public Unit? Unit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (Unit is null)
        {
            return NotFound();
        }

        Version = Unit.Version;
        if (await editor.UnitContentsAsync(id, ct) is { Count: > 0 } contents)
        {
            Refusal = StructureEditor.WhyUnitCannotBeDeleted(Unit.Name, contents);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (Unit is null)
        {
            return NotFound();
        }

        var result = await editor.DeleteUnitAsync(await LoadActorAsync(ct), id, Version, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                return Redirect(Unit.ParentId is { } parent ? $"{OrgPath}/units/{parent}" : $"{OrgPath}/units");
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Conflict:
                Refusal = "Someone else changed this unit after you opened this page. Check the unit, then delete it again if you still mean to.";
                Version = result.Record!.Version;
                return Page();
            default:
                Refusal = result.Reason;
                return Page();
        }
    }
}
