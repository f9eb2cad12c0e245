using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework.Edit;

public class DeleteModel(OrganisationScope scope, FrameworkEditor editor) : EditorPageModel(scope)
{
    public Objective? Entry { get; private set; }

    public int LinkCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await AnswerAsync(await OpenAsync(id, ct), deletion =>
        {
            Version = deletion.Entry.Version;
            return Page();
        });

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { Record: null } opened)
        {
            return await AnswerAsync(opened, _ => Page());
        }

        var parentId = Entry!.ParentId;
        var result = await editor.DeleteAsync(Actor, id, Version, ct);
        return await AnswerAsync(result, () => Redirect(parentId is null ? $"{OrgPath}/framework" : $"{OrgPath}/framework/{parentId}"),
            differences: current =>
            {
                // The page shows the entry as it now is, to be deleted again (or not) having seen it.
                Entry = current;
                return [];
            });
    }

    /// <summary>The delete page explains a refusal in place of its button, as an ordinary page.</summary>
    protected override void ShowRefusal(string reason) => Refusal = reason;

    private async Task<EditResult<ObjectiveDeletion>> OpenAsync(int id, CancellationToken ct)
    {
        var opened = await editor.OpenDeletionAsync(await LoadActorAsync(ct), id, ct);
        if (opened.Record is { } deletion)
        {
            (Entry, LinkCount, Refusal) = (deletion.Entry, deletion.LinkCount, deletion.Refusal);
        }

        return opened;
    }
}
