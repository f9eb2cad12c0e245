using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Actions;

/// <summary>Delete an action of a draft plan, with its updates and revisions (the audit trail keeps what was deleted).</summary>
public class DeleteModel(OrganisationScope scope, ActionQueries queries, ActionEditor editor) : ActionPageModel(scope, queries)
{
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct)
    {
        if (await PrepareAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (await PrepareAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        if (Refusal is not null)
        {
            return Page();
        }

        var result = await editor.DeleteAsync(Actor, actionId, Version == Guid.Empty ? null : Version, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                Notification = $"Deleted the action {Action.Title}";
                return Redirect(PlanUrl);
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            case EditOutcome.Conflict:
                await ReloadAsync(ct);
                Conflict = [];
                Version = Action.Version;
                return Page();
            case EditOutcome.Refused:
                Refusal = result.Reason;
                return Page();
            default:
                Errors["delete"] = result.Errors.Values.FirstOrDefault() ?? "The form was damaged: open the page again";
                return Page();
        }
    }

    private async Task<IActionResult?> PrepareAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        if (!ActionEditor.CanEdit(Actor, Plan))
        {
            return Deny(ActionEditor.WhyCannotEdit(Actor));
        }

        Refusal = Plan.State != PlanState.Draft ? ActionEditor.NotDraftReason
            : Action.Children.Count > 0 ? "This action has sub-actions. Delete or move them first." : null;
        return null;
    }
}
