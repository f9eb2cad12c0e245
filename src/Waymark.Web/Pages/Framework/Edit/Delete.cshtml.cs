using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework.Edit;

public class DeleteModel(OrganisationScope scope, FrameworkEditor editor, WaymarkDbContext db) : EditorPageModel(scope)
{
    public Objective? Entry { get; private set; }

    public int LinkCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        Version = Entry!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var parentId = Entry!.ParentId;
        var result = await editor.DeleteAsync(Actor, id, Version, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                return Redirect(parentId is null ? $"{OrgPath}/framework" : $"{OrgPath}/framework/{parentId}");
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            case EditOutcome.Conflict:
                var current = result.Record!;
                Conflict = [];
                Entry = current;
                Version = current.Version;
                return Page();
            default:
                Refusal = result.Reason;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Entry = await editor.FindAsync(id, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanCreateOrDeleteObjective(actor, Entry.UnitId))
        {
            return Deny(FrameworkEditor.WhyCannotDelete(actor, Entry));
        }

        LinkCount = await db.ObjectiveLinks.CountAsync(l => l.FromObjectiveId == id || l.ToObjectiveId == id, ct);
        var children = await editor.ChildCountAsync(id, ct);
        if (children > 0)
        {
            Refusal = FrameworkEditor.WhyChildrenBlockDelete(children);
        }

        return null;
    }
}
