using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>Add an action to a draft plan (plan content: those who may edit the plan).</summary>
public class NewModel(OrganisationScope scope, WaymarkDbContext db, ActionQueries queries, ActionEditor editor) : ActionFormModel(scope)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused)
        {
            return refused;
        }

        State = ActionState.NotStarted;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused)
        {
            return refused;
        }

        if (Refusal is not null || Input(null) is not { } input)
        {
            return Page();
        }

        var result = await editor.CreateAsync(Actor, id, input, ct);
        if (ShowProblem(result, ActionFields.Title, reason => Refusal = reason) is { } shown)
        {
            return shown;
        }

        Notification = $"Added the action {result.Record!.Title}";
        return Redirect($"{PlanUrl}/actions/{result.Record.Id}");
    }

    private async Task<IActionResult?> PrepareAsync(int id, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        if (!ActionEditor.CanEdit(actor, plan))
        {
            return Deny(ActionEditor.WhyCannotEdit(actor));
        }

        Refusal = PlanWorkflowRules.ContentEditable(plan.State) ? null : ActionEditor.NotDraftReason;
        Options = await queries.FormOptionsAsync(id, ct);
        return null;
    }
}
