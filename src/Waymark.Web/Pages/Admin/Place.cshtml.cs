using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Breakdowns;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Admin;

/// <summary>One place: rename it, or remove it when no breakdown uses it (<see cref="PlaceEditor"/>).</summary>
public class PlaceModel(OrganisationScope scope, PlaceEditor editor, WaymarkDbContext db) : EditorPageModel(scope)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    /// <summary>The name as saved, for the heading.</summary>
    public string SavedName { get; private set; } = "";

    [TempData]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var open = PlaceEditor.Open(await LoadActorAsync(ct));
        var place = await db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (place is null)
        {
            return NotFound();
        }

        (Name, Kind, Version, SavedName) = (place.Name, place.Kind, place.Version, place.Name);
        return await AnswerAsync(open, () => Page());
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await editor.RenameAsync(await LoadActorAsync(ct), id, Version, new PlaceInput(Name, Kind), ct);
        return await AnswerAsync(result, place =>
        {
            Notification = $"{place.Name} has been saved";
            return Redirect($"{OrgPath}/admin/places");
        }, () => SavedNameAsync(id, ct), now => ConflictRow.Differing(new("Name", now.Name, Name), new("Kind", now.Kind, Kind)));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var result = await editor.RemoveAsync(await LoadActorAsync(ct), id, Version, ct);
        // Not found (another council's place, or one already removed) answers 404 rather than "removed".
        return await AnswerAsync(result, () =>
        {
            Notification = "The place has been removed";
            return Redirect($"{OrgPath}/admin/places");
        });
    }

    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            Errors[field == BreakdownFields.PlaceKind ? "kind" : "name"] = message;
        }
    }

    private async Task SavedNameAsync(int id, CancellationToken ct) =>
        SavedName = await db.Places.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? Name ?? "";
}
