using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>
/// Change an action's state (not started, in progress, completed, deferred, cancelled) in any state of its plan, as
/// progress is recorded: a completed action has a completion date, today unless given, never in the future. Who may,
/// and the rules, are <see cref="ActionProgress"/>'s; a completed or cancelled action is no longer overdue (<see cref="ActionRules"/>).
/// </summary>
public class StateModel(OrganisationScope scope, ActionQueries queries, ActionProgress progress) : ActionPageModel(scope, queries)
{
    [BindProperty]
    public ActionState? State { get; set; }

    [BindProperty(Name = "completedOn-day")]
    public string? CompletedDay { get; set; }

    [BindProperty(Name = "completedOn-month")]
    public string? CompletedMonth { get; set; }

    [BindProperty(Name = "completedOn-year")]
    public string? CompletedYear { get; set; }

    public static IReadOnlyList<ActionState> States { get; } = Enum.GetValues<ActionState>();

    private const string ChooseState = "Choose the action's state";

    public async Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        Version = Action.Version;
        State = Action.State;
        ShowDate(Action.CompletedOn ?? Queries.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        AddBindingErrors(ChooseState);
        if (State is null)
        {
            Errors[ActionFields.State] = ChooseState;
        }

        // The date only counts for a completed action (the form shows it whatever is chosen, without script).
        DateOnly? completedOn = null;
        if (State == ActionState.Completed)
        {
            var completed = DateReading.Read(new DateParts(CompletedDay, CompletedMonth, CompletedYear), "The completion date");
            completedOn = completed.Date;
            if (completed.Error is not null)
            {
                ShowCompletedOnError(completed.Error, completed.FieldsInError);
            }
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var wasOverdue = Detail.IsOverdue;
        var result = await progress.SetStateAsync(Actor, id, actionId, State!.Value, completedOn, Version == Guid.Empty ? null : Version, ct);
        if (ShowProblem(result, ActionFields.State) is { } problem)
        {
            return problem;
        }

        if (result.Outcome == EditOutcome.Conflict)
        {
            await ReloadAsync(ct);
            Conflict = ConflictRow.Differing(
                new ConflictRow("State", ActionRules.Text(Action.State), ActionRules.Text(State.Value)),
                new ConflictRow("Completed on", ActionWords.Date(Action.CompletedOn), ActionWords.Date(completedOn)));
            Version = Action.Version;
            return Page();
        }

        var saved = result.Record!;
        var said = saved.State == ActionState.Completed
            ? $"Marked the action completed on {ActionWords.Date(saved.CompletedOn)}."
            : $"Changed the action's state to {ActionRules.Text(saved.State).ToLowerInvariant()}.";
        Notification = wasOverdue && !ActionRules.IsOverdue(saved, Queries.Today) ? $"{said} It is no longer overdue." : said;
        return Redirect(ActionUrl);
    }

    protected override string? WhyNot() => CanUpdate ? null : ActionProgress.WhyCannotUpdate(Actor);

    private void ShowDate(DateOnly date)
    {
        CompletedDay = date.Day.ToString(CultureInfo.InvariantCulture);
        CompletedMonth = date.Month.ToString(CultureInfo.InvariantCulture);
        CompletedYear = date.Year.ToString(CultureInfo.InvariantCulture);
    }
}
