using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

/// <summary>A unit's posts, with a form to add one.</summary>
public class PostsModel(OrganisationScope scope, StructureEditor editor, FrameworkEditor framework, WaymarkDbContext db)
    : StructureFormModel(scope, editor, framework)
{
    public Unit? Unit { get; private set; }

    public IReadOnlyList<Post> Posts { get; private set; } = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int? HolderId { get; set; }

    public string? IdText(int? id) => Id(id);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        AddBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await Editor.CreatePostAsync(await LoadActorAsync(ct), id, new PostInput(Title, HolderId), ct);
            switch (result.Outcome)
            {
                case EditOutcome.Done:
                    return Redirect($"{OrgPath}/units/{id}/posts");
                case EditOutcome.NotFound:
                    return NotFound();
                case EditOutcome.Forbidden:
                    return Deny(result.Reason!);
                default:
                    TakeErrors(result);
                    break;
            }
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (Unit is null)
        {
            return false;
        }

        Posts = await db.Posts.AsNoTracking().Include(p => p.Holder).Where(p => p.UnitId == id)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Title).ToListAsync(ct);
        await LoadChoicesAsync(ct);
        return true;
    }
}
