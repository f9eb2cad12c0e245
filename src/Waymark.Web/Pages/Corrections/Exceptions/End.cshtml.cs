using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Corrections;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Corrections.Exceptions;

/// <summary>End a lock exception now: it stays listed, marked ended (<see cref="LockExceptionEditor.EndAsync"/>).</summary>
public class EndModel(OrganisationScope scope, LockExceptionEditor editor, CorrectionQueries queries) : EditorPageModel(scope)
{
    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public LockException? Exception { get; private set; }

    public string ExceptionsPath => $"{OrgPath}/corrections/exceptions";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Exception = await queries.FindExceptionAsync(id, ct);
        if (Exception is null)
        {
            return NotFound();
        }

        if (LockExceptionEditor.Refusal(await LoadActorAsync(ct)) is { } refused)
        {
            return await AnswerAsync(refused, Page);
        }

        Version = Exception.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Exception = await queries.FindExceptionAsync(id, ct);
        var result = await editor.EndAsync(await LoadActorAsync(ct), id, Version == Guid.Empty ? null : Version, ct);
        return await AnswerAsync(result, _ =>
        {
            Notification = $"Ended the lock exception for {Exception?.Unit?.Name}";
            return Redirect(ExceptionsPath);
        }, differences: current => [new ConflictRow("Ended", current.EndedByName, null)]);
    }
}
