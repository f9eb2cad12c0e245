using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Breakdowns;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Admin;

/// <summary>The organisation's places (wards, parishes, towns): the list, adding one, adding a pasted list. Saved by <see cref="PlaceEditor"/>.</summary>
public class PlacesModel(OrganisationScope scope, PlaceEditor editor, BreakdownQueries queries) : EditorPageModel(scope)
{
    public IReadOnlyList<Place> Places { get; private set; } = [];

    [BindProperty]
    public string? NewName { get; set; }

    [BindProperty]
    public string? NewKind { get; set; }

    [BindProperty]
    public string? List { get; set; }

    [BindProperty]
    public string? ListKind { get; set; }

    [TempData]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var open = PlaceEditor.Open(await LoadActorAsync(ct));
        if (open.Outcome == Core.Editing.EditOutcome.Done)
        {
            Places = await queries.PlacesAsync(ct);
        }

        return await AnswerAsync(open, () => Page());
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await editor.AddAsync(await LoadActorAsync(ct), new PlaceInput(NewName, NewKind), ct);
        return await AnswerAsync(result, place =>
        {
            Notification = $"{place.Name} has been added";
            return RedirectToPage();
        }, async () => Places = await queries.PlacesAsync(ct));
    }

    public async Task<IActionResult> OnPostListAsync(CancellationToken ct)
    {
        var result = await editor.AddListAsync(await LoadActorAsync(ct), List, ListKind, ct);
        return await AnswerAsync(result, added =>
        {
            Notification = added.Count == 1 ? "1 place has been added" : $"{added.Count} places have been added";
            return RedirectToPage();
        }, async () => Places = await queries.PlacesAsync(ct));
    }

    /// <summary>The page's own field ids: the add form's and the list form's.</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            Errors[field switch
            {
                BreakdownFields.PlaceName => "new-name",
                BreakdownFields.PlaceKind => "new-kind",
                _ => "list",
            }] = message;
        }
    }
}
