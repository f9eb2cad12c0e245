using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class PostEditModel(OrganisationScope scope, StructureEditor editor, FrameworkEditor framework, WaymarkDbContext db)
    : StructureFormModel(scope, editor, framework)
{
    public Post? Post { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int? HolderId { get; set; }

    public string? IdText(int? id) => Id(id);

    public async Task<IActionResult> OnGetAsync(int id, int postId, CancellationToken ct)
    {
        if (!await LoadAsync(id, postId, ct))
        {
            return NotFound();
        }

        (Title, HolderId, Version) = (Post!.Title, Post.HolderId, Post.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int postId, CancellationToken ct)
    {
        if (!await LoadAsync(id, postId, ct))
        {
            return NotFound();
        }

        AddBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await Editor.UpdatePostAsync(await LoadActorAsync(ct), id, postId, Version, new PostInput(Title, HolderId), ct);
            switch (result.Outcome)
            {
                case EditOutcome.Done:
                    return Redirect($"{OrgPath}/units/{id}/posts");
                case EditOutcome.NotFound:
                    return NotFound();
                case EditOutcome.Forbidden:
                    return Deny(result.Reason!);
                case EditOutcome.Conflict:
                    var saved = result.Record!;
                    string? Person(int? personId) => Choices.People.FirstOrDefault(p => p.Id == personId)?.Name;
                    Conflict = ConflictRow.Differing(new("Title", saved.Title, Title?.Trim()), new("Held by", Person(saved.HolderId), Person(HolderId)));
                    Version = saved.Version;
                    break;
                default:
                    TakeErrors(result);
                    break;
            }
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, int postId, CancellationToken ct)
    {
        Post = await db.Posts.AsNoTracking().Include(p => p.Unit).SingleOrDefaultAsync(p => p.Id == postId && p.UnitId == id, ct);
        if (Post is null)
        {
            return false;
        }

        await LoadChoicesAsync(ct);
        return true;
    }
}
