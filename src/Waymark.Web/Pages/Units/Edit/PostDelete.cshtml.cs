using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class PostDeleteModel(OrganisationScope scope, StructureEditor editor, WaymarkDbContext db) : EditorPageModel(scope)
{
    public Post? Post { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int postId, CancellationToken ct)
    {
        Post = await FindAsync(id, postId, ct);
        if (Post is null)
        {
            return NotFound();
        }

        Version = Post.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int postId, CancellationToken ct)
    {
        Post = await FindAsync(id, postId, ct);
        if (Post is null)
        {
            return NotFound();
        }

        var result = await editor.DeletePostAsync(await LoadActorAsync(ct), id, postId, Version, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                return Redirect($"{OrgPath}/units/{id}/posts");
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Conflict:
                Refusal = "Someone else changed this post after you opened this page. Check the post, then delete it again if you still mean to.";
                return Page();
            default:
                Refusal = result.Reason;
                return Page();
        }
    }

    private Task<Post?> FindAsync(int id, int postId, CancellationToken ct) =>
        db.Posts.AsNoTracking().Include(p => p.Unit).Include(p => p.Holder).SingleOrDefaultAsync(p => p.Id == postId && p.UnitId == id, ct);
}
