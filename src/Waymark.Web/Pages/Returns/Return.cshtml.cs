using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Returns;

namespace Waymark.Web.Pages.Returns;

/// <summary>
/// One return as its manager sees it: each item with what was entered, its commentary and the same period last year;
/// "sign off the return", and "return with a note" per item (<see cref="ReturnEditor"/>). The owner and the performance
/// team can read it too.
/// </summary>
public class ReturnModel(OrganisationScope scope, ReturnEditor editor) : EditorPageModel(scope)
{
    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    [BindProperty]
    public int ItemId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public ReturnView View { get; private set; } = null!;

    public bool MayReview => ReturnRules.CanManage(Actor, View.Return.UnitId, View.UnitHeadPostId, View.Return.PersonId)
        && ReturnRules.WhyCannotReview(View.Return.State, View.RoundClosed) is null;

    /// <summary>The id of an item's note box, so that an error links to it.</summary>
    public static string NoteId(int itemId) => $"note-{itemId}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer)
        {
            return answer;
        }

        Version = View.Return.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostSignOffAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer)
        {
            return answer;
        }

        var result = await editor.SignOffAsync(Actor, id, Version == Guid.Empty ? null : Version, ct);
        return await AnswerAsync(result, done: saved =>
        {
            Notification = $"Signed off {saved.Return.Label(YearStartMonth)}";
            return Redirect($"{OrgPath}/returns");
        }, reload: () => LoadAsync(id, ct), differences: Differences);
    }

    public async Task<IActionResult> OnPostReturnItemAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer)
        {
            return answer;
        }

        var result = await editor.ReturnItemAsync(Actor, id, ItemId, Note, Version == Guid.Empty ? null : Version, ct);
        return await AnswerAsync(result, done: saved =>
        {
            Notification = $"Returned an item of {saved.Return.Label(YearStartMonth)} to {saved.Return.Person?.Name} with your note";
            return Redirect($"{OrgPath}/returns/{id}");
        }, reload: () => LoadAsync(id, ct), differences: Differences);
    }

    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            // The note boxes are one per item: the error goes to the one that was used.
            Errors[field == ReturnFields.Note ? NoteId(ItemId) : field] = message;
        }
    }

    private IReadOnlyList<ConflictRow> Differences(ReturnView now) =>
        [new("State", ReturnRules.Words(now.State), null)];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        var opened = await editor.OpenAsync(Actor, id, ct);
        if (opened.Outcome != EditOutcome.Done)
        {
            return await AnswerAsync(opened, Page);
        }

        View = opened.Record!;
        return null;
    }
}
