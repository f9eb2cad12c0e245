using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>
/// A page that changes a plan: loads it, and stops with "not found", 403 (with the reason) or 409 when the plan is not a
/// draft (with what to do: "Return the plan to draft to change it").
/// </summary>
public abstract class PlanEditPageModel(OrganisationScope scope, PlanEditor editor) : EditorPageModel(scope)
{
    protected PlanEditor Editor => editor;

    public Plan Plan { get; private set; } = null!;

    public string PlanPath => $"{OrgPath}/plans/{Plan.Id}";

    /// <summary>Set when the plan cannot be changed as it is (not a draft): shown instead of the form, with status 409.</summary>
    public string? RefusedReason { get; private set; }

    public bool Stopped => DeniedReason is not null || RefusedReason is not null;

    public string PageTitle(string title) => DeniedReason is not null
        ? "You do not have permission to do this"
        : RefusedReason is not null ? $"This plan cannot be changed – {Organisation.Name}" : $"{TitlePrefix}{title} – {Organisation.Name}";

    /// <summary>The plan, or why the page stops: not found, 403 when this person may not change it, 409 when it is not a draft.</summary>
    protected async Task<IActionResult?> LoadPlanAsync(int id, CancellationToken ct)
    {
        var plan = await editor.FindAsync(id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        Plan = plan;
        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanEditPlan(actor, plan.UnitId))
        {
            return Deny(PlanEditor.WhyCannotEdit(actor, plan));
        }

        return PlanWorkflowRules.ContentEditable(plan.State) ? null : Refuse(PlanEditor.NotDraft);
    }

    protected IActionResult Refuse(string reason)
    {
        RefusedReason = reason;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>The answer for the outcomes every change shares (null for done and conflict, which each page handles).</summary>
    protected IActionResult? Stop<T>(EditResult<T> result, string errorPrefix = "")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            case EditOutcome.Refused:
                return Refuse(result.Reason!);
            case EditOutcome.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    Errors[errorPrefix + field] = message;
                }

                return Page();
            default:
                return null;
        }
    }

    protected static string Id(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
