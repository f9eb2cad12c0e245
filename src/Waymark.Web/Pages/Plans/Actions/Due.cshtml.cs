using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>Revise an action's due month, with the reason; every revision is kept and shown.</summary>
public class DueModel(OrganisationScope scope, ActionQueries queries, ActionProgress progress) : ActionPageModel(scope, queries)
{
    [BindProperty]
    public string? Month { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct) => ShowFormAsync(id, actionId, ct);

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        var result = await progress.ReviseDueAsync(Actor, id, actionId, new DueRevisionInput(Month, Reason, Version == Guid.Empty ? null : Version), ct);
        if (ShowProblem(result, ActionFields.Month) is { } problem)
        {
            return problem;
        }

        if (result.Outcome == EditOutcome.Conflict)
        {
            await ReloadAsync(ct);
            Conflict = ConflictRow.Differing(new ConflictRow("Due", ActionWords.Due(Action, YearStartMonth), Month?.Trim()));
            Version = Action.Version;
            return Page();
        }

        Notification = $"Revised the due date to {MonthText(result.Record!.RevisedDueMonth)}";
        return Redirect(ActionUrl);
    }

    protected override string? WhyNot() => CanUpdate ? null : ActionProgress.WhyCannotUpdate(Actor);
}
