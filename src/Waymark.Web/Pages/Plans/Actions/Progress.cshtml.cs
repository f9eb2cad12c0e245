using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>
/// Record a quarter's progress on an action: the quarter (this one by default), R/A/G on the printed key, commentary.
/// A second update for a quarter replaces the first; Green is refused while the action is overdue (with a link to revise
/// the due date). Who may, and the rules, are <see cref="ActionProgress"/>'s.
/// </summary>
public class ProgressModel(OrganisationScope scope, ActionQueries queries, ActionProgress progress) : ActionPageModel(scope, queries)
{
    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    protected override string ProblemField => ActionFields.Rag;

    [BindProperty]
    public string? Rag { get; set; }

    [BindProperty]
    public string? Commentary { get; set; }

    /// <summary>The update already recorded for the chosen quarter, which saving replaces.</summary>
    public ActionUpdate? Existing { get; private set; }

    /// <summary>Quarters that may be chosen: this one and the previous four, newest first.</summary>
    public IReadOnlyList<Period> Quarters { get; private set; } = [];

    public string? WhyNotGreen { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct)
    {
        if (await PrepareAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        if (Existing is { } existing)
        {
            Rag = ActionRules.Text(existing.Rag);
            Commentary = existing.Commentary;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (await PrepareAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        var result = await progress.RecordUpdateAsync(Actor, id, actionId, new ProgressInput(Quarter, Rag, Commentary, Version == Guid.Empty ? null : Version), ct);
        ActionUpdate? theirs = null;
        return await AnswerAsync(result, saved =>
        {
            Notification = $"Recorded {ActionRules.Text(saved.Rag)} for {saved.Quarter.Format(YearStartMonth)}";
            return Redirect(ActionUrl);
        }, reload: async () =>
        {
            if (theirs is not null)
            {
                // Someone else recorded this quarter meanwhile: the page shows theirs, and saving again replaces it knowingly.
                await ReloadAsync(ct);
                Existing = theirs;
                Version = Action.Version;
            }
        }, differences: current =>
        {
            theirs = current;
            return
            [
                new ConflictRow("Recorded by", $"{current.ByName}, {UkTime.DateAndTime(current.At)}", "You (not saved yet)"),
                new ConflictRow("R/A/G", ActionRules.Text(current.Rag), Rag),
                new ConflictRow("Commentary", current.Commentary, Commentary?.Trim()),
            ];
        });
    }

    private async Task<IActionResult?> PrepareAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        var current = Detail.CurrentQuarter;
        Quarters = Enumerable.Range(0, 5).Select(i => Back(current, i)).ToList();
        Quarter = Period.TryFromCode(Quarter, out var chosen) && Quarters.Contains(chosen) ? chosen.Code : current.Code;
        Existing = Detail.Updates.FirstOrDefault(u => u.Quarter.Code == Quarter);
        WhyNotGreen = ActionRules.WhyNotGreen(Action, Queries.Today, YearStartMonth);
        if (HttpMethods.IsGet(Request.Method))
        {
            Version = Action.Version;
        }

        return null;
    }

    protected override string? WhyNot() => CanUpdate ? null : ActionProgress.WhyCannotUpdate(Actor);

    private static Period Back(Period quarter, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            quarter = quarter.Previous();
        }

        return quarter;
    }
}
