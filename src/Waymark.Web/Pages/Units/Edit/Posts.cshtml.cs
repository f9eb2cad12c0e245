using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

/// <summary>A unit's posts, with a form to add one.</summary>
public class PostsModel(OrganisationScope scope, UnitEditor units, PostEditor editor, FrameworkChoiceQueries queries, WaymarkDbContext db)
    : EditorPageModel(scope)
{
    public Unit? Unit { get; private set; }

    public IReadOnlyList<Post> Posts { get; private set; } = [];

    [BindProperty]
    public PostInput Input { get; set; } = new(null, null);

    public StructureChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await AnswerAsync(await OpenAsync(id, ct), _ => Page());

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var opened = await OpenAsync(id, ct);
        AddBindingErrors();
        if (opened.Record is null || Errors.Count > 0)
        {
            return await AnswerAsync(opened, _ => Page());
        }

        var result = await editor.CreatePostAsync(Actor, id, Input, ct);
        return await AnswerAsync(result, () => Redirect($"{OrgPath}/units/{id}/posts"));
    }

    private async Task<EditResult<Unit>> OpenAsync(int id, CancellationToken ct)
    {
        var opened = await units.OpenAsync(await LoadActorAsync(ct), id, ct);
        Unit = opened.Record;
        if (Unit is not null)
        {
            Posts = await db.Posts.AsNoTracking().Include(p => p.Holder).Where(p => p.UnitId == id)
                .OrderBy(p => p.SortOrder).ThenBy(p => p.Title).ToListAsync(ct);
            Choices = await StructureChoices.LoadAsync(queries, ct);
        }

        return opened;
    }
}
