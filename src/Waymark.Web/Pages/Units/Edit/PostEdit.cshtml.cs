using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class PostEditModel(OrganisationScope scope, PostEditor editor, FrameworkChoiceQueries queries) : EditorPageModel(scope)
{
    public Post? Post { get; private set; }

    [BindProperty]
    public PostInput Input { get; set; } = new(null, null);

    public StructureChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int postId, CancellationToken ct) =>
        await AnswerAsync(await OpenAsync(id, postId, ct), post =>
        {
            (Input, Version) = (new(post.Title, post.HolderId), post.Version);
            return Page();
        });

    public async Task<IActionResult> OnPostAsync(int id, int postId, CancellationToken ct)
    {
        var opened = await OpenAsync(id, postId, ct);
        AddBindingErrors();
        if (opened.Record is null || Errors.Count > 0)
        {
            return await AnswerAsync(opened, _ => Page());
        }

        var result = await editor.UpdatePostAsync(Actor, id, postId, Version, Input, ct);
        return await AnswerAsync(result, () => Redirect($"{OrgPath}/units/{id}/posts"), differences: saved => ConflictRow.Differing(
            new("Title", saved.Title, Input.Title?.Trim()),
            new("Held by", Choices.PersonName(saved.HolderId), Choices.PersonName(Input.HolderId))));
    }

    private async Task<EditResult<Post>> OpenAsync(int id, int postId, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(await LoadActorAsync(ct), id, postId, ct);
        Post = opened.Record;
        Choices = await StructureChoices.LoadAsync(queries, ct);
        return opened;
    }
}
