using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Corrections;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>
/// Record a quarter's progress on an action: the quarter (this one by default), R/A/G on the printed key, commentary.
/// A second update for a quarter replaces the first; Green is refused while the action is overdue (with a link to revise
/// the due date). Who may, and the rules, are <see cref="ActionProgress"/>'s.
/// </summary>
public class ProgressModel(OrganisationScope scope, ActionQueries queries, ActionProgress progress, PeriodLock periodLock) : ActionPageModel(scope, queries)
{
    /// <summary>Why an update of a locked quarter is being changed (<see cref="LockRules"/>).</summary>
    [BindProperty]
    public string? CorrectionReason { get; set; }

    /// <summary>The quarters offered whose monitoring round has closed: a change to one is a correction.</summary>
    public IReadOnlyList<Period> LockedQuarters { get; private set; } = [];

    /// <summary>Whether the form asks for the reason for a correction: some quarter offered is locked, and the actor may correct it.</summary>
    public bool AsksReason { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    protected override string ProblemField => ActionFields.Rag;

    [BindProperty]
    public string? Rag { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Commentary { get; set; }

    [BindProperty]
    public string? Remedial { get; set; }

    /// <summary>The lead officer's forecast R/A/G at the year's end ("Red", "Amber", "Green"); empty for none.</summary>
    [BindProperty]
    public string? YearEndForecast { get; set; }

    /// <summary>Whether the plan records a status ("On going") rather than R/A/G: a plan without a key.</summary>
    public bool ByStatus => Detail.Plan.Progress == PlanProgress.Status;

    /// <summary>The update already recorded for the chosen quarter, which saving replaces.</summary>
    public ActionUpdate? Existing { get; private set; }

    /// <summary>Quarters that may be chosen: the plan's quarters begun by the organisation's today, newest first.</summary>
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
            Rag = existing.Rag is { } rag ? ActionRules.Text(rag) : null;
            Status = existing.Status is { } status ? ActionTerms.Word(status) : null;
            Commentary = existing.Commentary;
            Remedial = existing.Remedial;
            YearEndForecast = existing.YearEndForecast is { } forecast ? ActionRules.Text(forecast) : null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (await PrepareAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        var result = await progress.RecordUpdateAsync(Actor, id, actionId, new ProgressInput(Quarter, Rag, Commentary, Version == Guid.Empty ? null : Version)
        {
            Status = Status, Remedial = Remedial, YearEndForecast = YearEndForecast, CorrectionReason = CorrectionReason,
        }, ct);
        ActionUpdate? theirs = null;
        return await AnswerAsync(result, saved =>
        {
            Notification = $"Recorded {ActionRules.Assessment(saved)} for {saved.Quarter.Format(YearStartMonth)}";
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
                ByStatus ? new ConflictRow("Status", ActionRules.Assessment(current), Status) : new ConflictRow("R/A/G", ActionRules.Assessment(current), Rag),
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

        Quarters = ActionRules.RecordableQuarters(Detail.Plan, YearStartMonth, Queries.Today);
        if (HttpMethods.IsGet(Request.Method))
        {
            // The form opens on the quarter asked for, else this quarter, else the plan's latest begun quarter. A posted
            // quarter is left as sent: the editor refuses one that is not the plan's, rather than record it as another.
            var current = Detail.CurrentQuarter;
            Quarter = Period.TryFromCode(Quarter, out var chosen) && Quarters.Contains(chosen) ? chosen.Code
                : Quarters.Contains(current) ? current.Code : Quarters.Count > 0 ? Quarters[0].Code : current.Code;
        }

        var locks = await periodLock.LoadAsync(ct);
        LockedQuarters = Quarters.Where(q => locks.LockedBy(q) is not null).ToList();
        AsksReason = LockedQuarters.Any(q => locks.AsksForReason(Actor, q, Detail.Plan.UnitId));
        Existing = Detail.Updates.FirstOrDefault(u => u.Quarter.Code == Quarter);
        WhyNotGreen = ActionRules.WhyNotGreen(Action, Queries.Today, YearStartMonth);
        if (HttpMethods.IsGet(Request.Method))
        {
            Version = Action.Version;
        }

        return null;
    }

    protected override string? WhyNot() => CanUpdate ? null : ActionProgress.WhyCannotUpdate(Actor);
}
