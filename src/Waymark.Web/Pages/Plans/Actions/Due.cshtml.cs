using Microsoft.AspNetCore.Mvc;
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

    protected override string ProblemField => ActionFields.Month;

    public Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct) => ShowFormAsync(id, actionId, ct);

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        var result = await progress.ReviseDueAsync(Actor, id, actionId, new DueRevisionInput(Month, Reason, Version == Guid.Empty ? null : Version), ct);
        return await AnswerAsync(result, saved =>
        {
            Notification = $"Revised the due date to {MonthText(saved.RevisedDueMonth)}";
            return Redirect(ActionUrl);
        }, reload: () => ReloadAsync(ct),
            differences: current => ConflictRow.Differing(new ConflictRow("Due", ActionWords.Due(current, YearStartMonth), Month?.Trim())));
    }

    protected override string? WhyNot() => CanUpdate ? null : ActionProgress.WhyCannotUpdate(Actor);
}
