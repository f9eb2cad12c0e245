using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>Change an action of a draft plan; a stale version is shown as a conflict, with the input kept.</summary>
public class EditModel(OrganisationScope scope, WaymarkDbContext db, ActionQueries queries, ActionEditor editor) : ActionPageModel(scope, queries)
{
    [BindProperty]
    public ActionForm Form { get; set; } = new();

    public ActionFormOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct)
    {
        if (await PrepareAsync(id, actionId, ct) is { } stop)
        {
            return stop;
        }

        Form = ActionForm.Of(Action);
        ShowCompletedOn(Action.CompletedOn);
        Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (await PrepareAsync(id, actionId, ct) is { } stop)
        {
            return stop;
        }

        AddBindingErrors();
        var completedOn = ReadCompletedOn();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await editor.UpdateAsync(Actor, id, actionId, Form.ToInput(completedOn, Version == Guid.Empty ? null : Version), ct);
        return await AnswerAsync(result, saved =>
        {
            Notification = $"Saved the action {saved.Title}";
            return Redirect(ActionUrl);
        }, differences: current => ConflictRow.Differing(
            new ConflictRow("Title", current.Title, Form.Title?.Trim()),
            new ConflictRow("Reference", current.Reference, Form.Reference?.Trim()),
            new ConflictRow("Due", current.DueText, Form.Due?.Trim()),
            new ConflictRow("State", ActionRules.Text(current.State), ActionRules.Text(Form.State)),
            new ConflictRow("Description", current.Description, Form.Description?.Trim())));
    }

    /// <summary>The plan is not a draft: said instead of the form (nothing is wrong with the request).</summary>
    protected override void ShowRefusal(string reason) => Refusal = reason;

    /// <summary>The editor's check; null when the form may be shown and taken.</summary>
    private async Task<IActionResult?> PrepareAsync(int id, int actionId, CancellationToken ct)
    {
        var open = await editor.OpenAsync(await LoadActorAsync(ct), id, actionId, ct);

        // The page names the action and its plan, also when it says why it stops (a missing one shows no page at all).
        Action = open.Record
            ?? (await db.PlanActions.AsNoTracking().Include(a => a.Leads).Include(a => a.Links).SingleOrDefaultAsync(a => a.Id == actionId && a.PlanId == id, ct))!;
        Plan = (await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct))!;
        Options = await Queries.FormOptionsAsync(id, ct);
        return open.Record is null ? await AnswerAsync(open, _ => Page()) : null;
    }
}
