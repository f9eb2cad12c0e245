using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class PostDeleteModel(OrganisationScope scope, PostEditor editor) : EditorPageModel(scope)
{
    public Post? Post { get; private set; }

    /// <summary>Why the post cannot be deleted now: what depends on it, or that someone else changed it meanwhile.</summary>
    public string? Shown => Refusal ?? (Conflict is null ? null
        : "Someone else changed this post after you opened this page. Check the post, then delete it again if you still mean to.");

    public async Task<IActionResult> OnGetAsync(int id, int postId, CancellationToken ct) =>
        await AnswerAsync(await OpenAsync(id, postId, ct), post =>
        {
            Version = post.Version;
            return Page();
        });

    public async Task<IActionResult> OnPostAsync(int id, int postId, CancellationToken ct)
    {
        if (await OpenAsync(id, postId, ct) is { Record: null } opened)
        {
            return await AnswerAsync(opened, _ => Page());
        }

        var result = await editor.DeletePostAsync(Actor, id, postId, Version, ct);
        return await AnswerAsync(result, () => Redirect($"{OrgPath}/units/{id}/posts"));
    }

    /// <summary>The delete page explains a refusal in place of its button, as an ordinary page.</summary>
    protected override void ShowRefusal(string reason) => Refusal = reason;

    private async Task<EditResult<Post>> OpenAsync(int id, int postId, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(await LoadActorAsync(ct), id, postId, ct);
        Post = opened.Record;
        return opened;
    }
}
