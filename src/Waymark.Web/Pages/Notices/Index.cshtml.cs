using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Notices;

/// <summary>A person's notices (queries on their values, returned items, rounds opening, reminders), marked as read here.</summary>
public class IndexModel(OrganisationScope scope, NoticeQueries notices, NoticeEditor editor) : EditorPageModel(scope)
{
    public IReadOnlyList<NoticeRow> Notices { get; private set; } = [];

    [TempData]
    public string? Notification { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        Notices = await notices.AllAsync(actor?.PersonId, ct: ct);
    }

    public async Task<IActionResult> OnPostReadAsync(int id, string? returnTo, CancellationToken ct)
    {
        var result = await editor.MarkReadAsync(await LoadActorAsync(ct), id, ct);
        // A notice gone meanwhile (its person deleted) needs reading no more.
        return await AnswerRemovalAsync(result, () =>
        {
            Notification = "The notice is marked as read";
            return Back(returnTo);
        });
    }

    public async Task<IActionResult> OnPostReadAllAsync(string? returnTo, CancellationToken ct)
    {
        var result = await editor.MarkAllReadAsync(await LoadActorAsync(ct), ct);
        return await AnswerAsync(result, read =>
        {
            Notification = read.Count == 1 ? "1 notice is marked as read" : $"{read.Count} notices are marked as read";
            return Back(returnTo);
        }, () => OnGetAsync(ct));
    }

    /// <summary>Back to the home page when the notice was read there; else this page.</summary>
    private RedirectResult Back(string? returnTo) =>
        returnTo == "home" ? Redirect(OrgPath) : Redirect($"{OrgPath}/notices");
}
