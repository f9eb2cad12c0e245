using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class PersonEditModel(OrganisationScope scope, StructureEditor editor, FrameworkEditor framework, WaymarkDbContext db)
    : PersonFormModel(scope, editor, framework)
{
    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return NotFound();
        }

        (PersonName, Name, Kind, UnitId, Version) = (person.Name, person.Name, person.Kind, person.UnitId, person.Version);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return NotFound();
        }

        PersonName = person.Name;
        await LoadChoicesAsync(ct);
        AddBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await Editor.UpdatePersonAsync(await LoadActorAsync(ct), id, Version, Input, ct);
            switch (result.Outcome)
            {
                case EditOutcome.Done:
                    return Redirect($"{OrgPath}/people");
                case EditOutcome.NotFound:
                    return NotFound();
                case EditOutcome.Forbidden:
                    return Deny(result.Reason!);
                case EditOutcome.Conflict:
                    var saved = result.Record!;
                    string? Unit(int? unitId) => Choices.Units.FirstOrDefault(u => u.Id == unitId)?.Path;
                    Conflict = ConflictRow.Differing(
                        new("Name", saved.Name, Name?.Trim()),
                        new("Officer or councillor", saved.Kind.ToString(), Kind?.ToString()),
                        new("Unit", Unit(saved.UnitId), Unit(UnitId)));
                    Version = saved.Version;
                    break;
                default:
                    TakeErrors(result);
                    break;
            }
        }

        return Page();
    }
}
