using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>Change an action of a draft plan; a stale version is shown as a conflict, with the input kept.</summary>
public class EditModel(OrganisationScope scope, WaymarkDbContext db, ActionQueries queries, ActionEditor editor) : ActionFormModel(scope)
{
    public PlanAction Action { get; private set; } = null!;
    public string ActionUrl => $"{PlanUrl}/actions/{Action.Id}";

    public async Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct)
    {
        if (await PrepareAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        Fill(Action);
        Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (await PrepareAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        if (Refusal is not null || Input(Version == Guid.Empty ? null : Version) is not { } input)
        {
            return Page();
        }

        var result = await editor.UpdateAsync(Actor, id, actionId, input, ct);
        if (result.Outcome == EditOutcome.Conflict)
        {
            var current = result.Record!;
            Conflict = ConflictRow.Differing(
                new ConflictRow("Title", current.Title, Title?.Trim()),
                new ConflictRow("Reference", current.Reference, Reference?.Trim()),
                new ConflictRow("Due", current.DueText, Due?.Trim()),
                new ConflictRow("State", ActionRules.Text(current.State), ActionRules.Text(State)),
                new ConflictRow("Description", current.Description, Description?.Trim()));
            Version = current.Version;
            return Page();
        }

        if (ShowProblem(result, ActionFields.Title, reason => Refusal = reason) is { } shown)
        {
            return shown;
        }

        Notification = $"Saved the action {result.Record!.Title}";
        return Redirect(ActionUrl);
    }

    private async Task<IActionResult?> PrepareAsync(int id, int actionId, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        var action = await db.PlanActions.AsNoTracking().Include(a => a.Leads).Include(a => a.Links).SingleOrDefaultAsync(a => a.Id == actionId && a.PlanId == id, ct);
        if (action is null || await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        Action = action;
        if (!ActionEditor.CanEdit(actor, plan))
        {
            return Deny(ActionEditor.WhyCannotEdit(actor));
        }

        Refusal = PlanWorkflowRules.ContentEditable(plan.State) ? null : ActionEditor.NotDraftReason;
        Options = await queries.FormOptionsAsync(id, ct);
        return null;
    }
}
