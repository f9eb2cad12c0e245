using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Actions;

/// <summary>An action page that saves through the action editors: how their answers show on the page.</summary>
public abstract class ActionEditorPageModel(OrganisationScope scope) : EditorPageModel(scope)
{
    /// <summary>
    /// The page for an outcome other than saved or a conflict (which each page shows its own way): not found, the 403 page,
    /// or the form with the errors (a missing version, and a refusal unless <paramref name="refused"/> takes it, against <paramref name="field"/>). Null for those two.
    /// </summary>
    protected IActionResult? ShowProblem<T>(EditResult<T> result, string field, Action<string>? refused = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case EditOutcome.Done or EditOutcome.Conflict:
                return null;
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            case EditOutcome.Refused when refused is not null:
                refused(result.Reason!);
                return Page();
            case EditOutcome.Refused:
                Errors[field] = result.Reason!;
                return Page();
            default:
                ActionWords.AddErrors(Errors, result.Errors, field);
                return Page();
        }
    }
}
