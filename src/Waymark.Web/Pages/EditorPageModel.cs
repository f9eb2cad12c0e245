using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages;

/// <summary>
/// A page that changes records through a Core editor. <see cref="AnswerAsync{T}"/> is the one mapping from an editor's
/// <see cref="EditResult{T}"/> to the page's answer: "not found", the 403 page that says why, a 409 refusal, field
/// errors for the GOV.UK error summary, or a conflict that shows what changed and keeps the person's input. GET handlers
/// ask the editor's own check (an <c>OpenAsync</c> that answers the same way) rather than re-checking permissions here.
/// </summary>
public abstract class EditorPageModel(OrganisationScope scope) : OrganisationPageModel(scope)
{
    /// <summary>The record's version when the form was shown; the save is refused if it has moved on.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Set when the per-record rule refuses: the page shows this instead of the form, with status 403.</summary>
    public string? DeniedReason { get; private set; }

    /// <summary>Set when the change is not possible as the record is (status 409): the page says why.</summary>
    public string? Refusal { get; protected set; }

    /// <summary>Set when someone else saved first: the differences, shown above the form that keeps the input.</summary>
    public IReadOnlyList<ConflictRow>? Conflict { get; protected set; }

    /// <summary>"Error: " before the title when the form has errors or met a conflict (GOV.UK pattern).</summary>
    public string TitlePrefix => Errors.Count > 0 || Conflict is not null ? "Error: " : "";

    /// <summary>The message for a field, if it has one.</summary>
    public string? Error(string field) => Errors.GetValueOrDefault(field);

    /// <summary>
    /// The page's answer to an editor's result. <paramref name="done"/> answers a success (usually a redirect, or the
    /// page for a GET's check); every other outcome shows the page again after <paramref name="reload"/> (the lists the
    /// form needs), with <paramref name="differences"/> for a conflict (the record as saved now against the input).
    /// </summary>
    protected async Task<IActionResult> AnswerAsync<T>(EditResult<T> edit, Func<T, IActionResult> done,
        Func<Task>? reload = null, Func<T, IReadOnlyList<ConflictRow>>? differences = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(done);
        switch (edit.Outcome)
        {
            case EditOutcome.Done:
                return done(edit.Record!);
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(edit.Reason!);
            case EditOutcome.Refused:
                ShowRefusal(edit.Reason!);
                break;
            case EditOutcome.Conflict:
                var current = edit.Record!;
                Conflict = differences?.Invoke(current) ?? [];
                if (current is IVersioned versioned)
                {
                    // Saving again now is a deliberate choice, made having seen what the other person saved.
                    Version = versioned.Version;
                }

                break;
            default:
                ShowErrors(edit.Errors);
                break;
        }

        if (reload is not null)
        {
            await reload();
        }

        return Page();
    }

    /// <summary>As <see cref="AnswerAsync{T}"/>, for a result whose success is answered the same way whatever was saved.</summary>
    protected Task<IActionResult> AnswerAsync<T>(EditResult<T> result, Func<IActionResult> done, Func<Task>? reload = null,
        Func<T, IReadOnlyList<ConflictRow>>? differences = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(done);
        return AnswerAsync(result, _ => done(), reload, differences);
    }

    /// <summary>
    /// The answer to removing something from a list (a link, a portfolio holder): removed now, or already removed by
    /// someone else, the person sees the list without it; every other outcome as <see cref="AnswerAsync{T}"/>.
    /// </summary>
    protected Task<IActionResult> AnswerRemovalAsync<T>(EditResult<T> edit, Func<IActionResult> done)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(done);
        return edit.Outcome == EditOutcome.NotFound ? Task.FromResult(done()) : AnswerAsync(edit, done);
    }

    /// <summary>A refusal: by default shown as the page's <see cref="Refusal"/> with status 409.</summary>
    protected virtual void ShowRefusal(string reason)
    {
        Refusal = reason;
        Response.StatusCode = StatusCodes.Status409Conflict;
    }

    /// <summary>The editor's field errors, by default under the same names in the error summary.</summary>
    protected virtual void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            Errors[field] = message;
        }
    }

    protected IActionResult Deny(string reason)
    {
        DeniedReason = reason;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>
    /// Values that could not be read at all ("abc" for a number) become errors against their field,
    /// rather than being taken as empty.
    /// </summary>
    protected void AddBindingErrors(string message = "Choose an option from the list")
    {
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count > 0 && key != nameof(Version))
            {
                Errors[JsonNamingPolicy.CamelCase.ConvertName(key)] = message;
            }
        }

        if (ModelState.TryGetValue(nameof(Version), out var version) && version.Errors.Count > 0)
        {
            Errors["version"] = "The form was damaged: open the page again";
        }
    }
}
