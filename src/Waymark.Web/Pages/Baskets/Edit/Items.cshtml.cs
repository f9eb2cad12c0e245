using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Baskets;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Baskets.Edit;

/// <summary>
/// A basket's groups and items: add, rename, remove and reorder groups; reorder items, move them between groups and
/// remove them. Each button is its own small form carrying the basket's version, so nothing needs JavaScript and a
/// change made meanwhile by someone else is never overwritten unseen.
/// </summary>
public class ItemsModel(OrganisationScope scope, BasketEditor editor, BasketContentEditor content, BasketQueries queries)
    : BasketEditPageModel(scope, editor)
{
    public BasketView? View { get; private set; }

    [BindProperty]
    public string? GroupTitle { get; set; }

    [BindProperty]
    public int? GroupId { get; set; }

    [BindProperty]
    public int? ItemId { get; set; }

    [BindProperty]
    public BasketMove Move { get; set; }

    /// <summary>The group whose rename failed, so its message shows beside its own field.</summary>
    public int? RenamingGroupId { get; private set; }

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    /// <summary>The id of a group's rename field.</summary>
    public static string RenameFieldId(int groupId) => $"group-{groupId}-title";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (basket, stop) = await OpenBasketAsync(id, ct);
        if (basket is null)
        {
            return stop!;
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddGroupAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await content.AddGroupAsync(await LoadActorAsync(ct), id, GroupTitle, Version, ct), $"The group \u201c{GroupTitle?.Trim()}\u201d has been added.", ct);

    public async Task<IActionResult> OnPostRenameGroupAsync(int id, CancellationToken ct)
    {
        RenamingGroupId = GroupId;
        return await AnswerAsync(id, await content.RenameGroupAsync(await LoadActorAsync(ct), id, GroupId ?? 0, GroupTitle, Version, ct), "The group has been renamed.", ct);
    }

    public async Task<IActionResult> OnPostRemoveGroupAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await content.RemoveGroupAsync(await LoadActorAsync(ct), id, GroupId ?? 0, Version, ct), "The group has been removed; its items are now ungrouped.", ct);

    public async Task<IActionResult> OnPostMoveGroupAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await content.MoveGroupAsync(await LoadActorAsync(ct), id, GroupId ?? 0, Move, Version, ct), null, ct);

    public async Task<IActionResult> OnPostRemoveItemAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await content.RemoveItemAsync(await LoadActorAsync(ct), id, ItemId ?? 0, Version, ct), "The item has been removed from the scorecard.", ct);

    public async Task<IActionResult> OnPostMoveItemAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await content.MoveItemAsync(await LoadActorAsync(ct), id, ItemId ?? 0, Move, Version, ct), null, ct);

    public async Task<IActionResult> OnPostMoveItemToGroupAsync(int id, CancellationToken ct) =>
        await AnswerAsync(id, await content.MoveItemToGroupAsync(await LoadActorAsync(ct), id, ItemId ?? 0, GroupId, Version, ct), "The item has been moved.", ct);

    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            Errors[field == BasketFields.GroupTitle && RenamingGroupId is { } g ? RenameFieldId(g) : field] = message;
        }
    }

    private async Task<IActionResult> AnswerAsync(int id, EditResult<Basket> result, string? done, CancellationToken ct) =>
        await AnswerAsync(result, basket =>
        {
            Notification = done;
            // Back to the same list, at the place the person was working.
            return Redirect($"{BasketsPath}/{basket.Id}/items");
        }, () => LoadAsync(id, ct));

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        // The page always shows the basket as it is now, so its forms carry the version now.
        View = await queries.GetAsync(id, ct);
        if (View is not null)
        {
            Version = View.Basket.Version;
        }
    }
}
