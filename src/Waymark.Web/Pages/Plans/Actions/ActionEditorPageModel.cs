using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>An action page that saves through the action editors: how their answers show on the page.</summary>
public abstract class ActionEditorPageModel(OrganisationScope scope) : EditorPageModel(scope)
{
    /// <summary>The completion date's message, for its date input (on the state page and the action's form).</summary>
    public string? CompletedOnError { get; private set; }

    /// <summary>The completion date's fields to show in error.</summary>
    public IReadOnlySet<string> CompletedFieldsInError { get; private set; } = DateReading.NoFields;

    /// <summary>
    /// An error about the completion date: in the error summary under the id of its first field in error, which the
    /// summary links to (GOV.UK: an input, not the group around the three).
    /// </summary>
    protected void ShowCompletedOnError(string message, IReadOnlySet<string> fieldsInError)
    {
        CompletedOnError = message;
        CompletedFieldsInError = fieldsInError;
        Errors[DateReading.FirstFieldId(ActionFields.CompletedOn, fieldsInError)] = message;
    }

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
                if (Errors.Remove(ActionFields.CompletedOn, out var completedOn))
                {
                    // The editor judges the date as a whole (in the future, or for an action not completed).
                    ShowCompletedOnError(completedOn, DateReading.AllFields);
                }

                return Page();
        }
    }
}
