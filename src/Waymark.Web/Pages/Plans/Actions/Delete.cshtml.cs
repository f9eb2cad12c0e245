using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>Delete an action of a draft plan, with its updates and revisions (the audit trail keeps what was deleted).</summary>
public class DeleteModel(OrganisationScope scope, ActionQueries queries, ActionEditor editor) : ActionPageModel(scope, queries)
{
    private string? refused;

    /// <summary>Why it cannot be deleted now (the plan is not a draft; it has sub-actions); the form is not shown.</summary>
    public string? DeleteRefusal => refused
        ?? ActionEditor.WhyCannotDelete(Plan.State, Action.Children.Count);

    protected override string ProblemField => "delete";

    public Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct) => ShowFormAsync(id, actionId, ct);

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } stop)
        {
            return stop;
        }

        if (DeleteRefusal is not null)
        {
            return Page();
        }

        return await AnswerAsync(await editor.DeleteAsync(Actor, id, actionId, Version == Guid.Empty ? null : Version, ct), () =>
        {
            Notification = $"Deleted the action {Action.Title}";
            return Redirect(PlanUrl);
        }, reload: () => ReloadAsync(ct));
    }

    /// <summary>Shown as why the action cannot be deleted, instead of the button.</summary>
    protected override void ShowRefusal(string reason) => refused = reason;

    protected override string? WhyNot() => ActionEditor.CanEdit(Actor, Plan) ? null : ActionEditor.WhyCannotEdit(Actor);
}
