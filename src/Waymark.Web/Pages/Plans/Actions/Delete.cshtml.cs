using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>Delete an action of a draft plan, with its updates and revisions (the audit trail keeps what was deleted).</summary>
public class DeleteModel(OrganisationScope scope, ActionQueries queries, ActionEditor editor) : ActionPageModel(scope, queries)
{
    private string? _refused;

    /// <summary>Why it cannot be deleted now (the plan is not a draft; it has sub-actions); the form is not shown.</summary>
    public string? DeleteRefusal => _refused
        ?? (!PlanWorkflowRules.ContentEditable(Plan.State) ? ActionEditor.NotDraftReason
            : Action.Children.Count > 0 ? "This action has sub-actions. Delete or move them first." : null);

    public Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct) => ShowFormAsync(id, actionId, ct);

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        if (DeleteRefusal is not null)
        {
            return Page();
        }

        var result = await editor.DeleteAsync(Actor, id, actionId, Version == Guid.Empty ? null : Version, ct);
        if (result.Outcome == EditOutcome.Refused)
        {
            _refused = result.Reason;
            return Page();
        }

        if (ShowProblem(result, "delete") is { } problem)
        {
            return problem;
        }

        if (result.Outcome == EditOutcome.Conflict)
        {
            await ReloadAsync(ct);
            Conflict = [];
            Version = Action.Version;
            return Page();
        }

        Notification = $"Deleted the action {Action.Title}";
        return Redirect(PlanUrl);
    }

    protected override string? WhyNot() => ActionEditor.CanEdit(Actor, Plan) ? null : ActionEditor.WhyCannotEdit(Actor);
}
