using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class UnitEditModel(OrganisationScope scope, StructureEditor editor, FrameworkEditor framework, WaymarkDbContext db)
    : UnitFormModel(scope, editor, framework)
{
    public string UnitName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return NotFound();
        }

        (EditingId, UnitName, Version) = (unit.Id, unit.Name, unit.Version);
        (Name, Kind, Description, ParentId, HeadPostId) = (unit.Name, unit.Kind, unit.Description, unit.ParentId, unit.HeadPostId);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return NotFound();
        }

        (EditingId, UnitName) = (unit.Id, unit.Name);
        AddBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await Editor.UpdateUnitAsync(await LoadActorAsync(ct), id, Version, Input, ct);
            switch (result.Outcome)
            {
                case EditOutcome.Done:
                    return Redirect($"{OrgPath}/units/{id}");
                case EditOutcome.NotFound:
                    return NotFound();
                case EditOutcome.Forbidden:
                    return Deny(result.Reason!);
                case EditOutcome.Conflict:
                    await LoadChoicesAsync(ct);
                    var saved = result.Record!;
                    string? UnitPath(int? unitId) => Choices.Units.FirstOrDefault(u => u.Id == unitId)?.Path;
                    string? PostTitle(int? postId) => Choices.Posts.FirstOrDefault(p => p.Id == postId)?.Title;
                    Conflict = ConflictRow.Differing(
                        new("Name", saved.Name, Name?.Trim()),
                        new("Kind", saved.Kind, Kind?.Trim()),
                        new("Description", saved.Description, Description?.Trim()),
                        new("Part of", UnitPath(saved.ParentId), UnitPath(ParentId)),
                        new("Head post", PostTitle(saved.HeadPostId), PostTitle(HeadPostId)));
                    Version = saved.Version;
                    return Page();
                default:
                    TakeErrors(result);
                    break;
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}
