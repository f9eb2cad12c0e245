using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Actions;

/// <summary>Revise an action's due month, with the reason; every revision is kept and shown.</summary>
public class DueModel(OrganisationScope scope, ActionQueries queries, ActionProgress progress) : ActionPageModel(scope, queries)
{
    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

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

        var result = await progress.ReviseDueAsync(Actor, actionId, new DueRevisionInput(Month, Reason, Version == Guid.Empty ? null : Version), ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                Notification = $"Revised the due date to {MonthText(result.Record!.RevisedDueMonth)}";
                return Redirect(ActionUrl);
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            case EditOutcome.Conflict:
                await ReloadAsync(ct);
                Conflict = ConflictRow.Differing(new ConflictRow("Due", ActionWords.Due(Action, YearStartMonth), Month?.Trim()));
                Version = Action.Version;
                return Page();
            case EditOutcome.Refused:
                Errors[ActionFields.Month] = result.Reason!;
                return Page();
            default:
                foreach (var (key, message) in result.Errors)
                {
                    Errors[key == "version" ? ActionFields.Month : key] = message;
                }

                return Page();
        }
    }

    private async Task<IActionResult?> PrepareAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        return CanUpdate ? null : Deny(ActionProgress.WhyCannotUpdate(Actor));
    }
}
