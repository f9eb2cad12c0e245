using Microsoft.AspNetCore.Mvc;
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

    public static IReadOnlyList<ActionState> States { get; } = Enum.GetValues<ActionState>();

    private const string ChooseState = "Choose the action's state";

    protected override string ProblemField => ActionFields.State;

    public async Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        Version = Action.Version;
        State = Action.State;
        ShowCompletedOn(Action.CompletedOn ?? Queries.Today);
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
        var completedOn = State == ActionState.Completed ? ReadCompletedOn() : null;
        if (Errors.Count > 0)
        {
            return Page();
        }

        var wasOverdue = Detail.IsOverdue;
        var result = await progress.SetStateAsync(Actor, id, actionId, State!.Value, completedOn, Version == Guid.Empty ? null : Version, ct);
        return await AnswerAsync(result, saved =>
        {
            var said = saved.State == ActionState.Completed
                ? $"Marked the action completed on {ActionWords.Date(saved.CompletedOn)}."
                : $"Changed the action's state to {ActionRules.Text(saved.State).ToLowerInvariant()}.";
            Notification = wasOverdue && !ActionRules.IsOverdue(saved, Queries.Today) ? $"{said} It is no longer overdue." : said;
            return Redirect(ActionUrl);
        }, reload: () => ReloadAsync(ct), differences: current => ConflictRow.Differing(
            new ConflictRow("State", ActionRules.Text(current.State), ActionRules.Text(State.Value)),
            new ConflictRow("Completed on", ActionWords.Date(current.CompletedOn), ActionWords.Date(completedOn))));
    }

    protected override string? WhyNot() => CanUpdate ? null : ActionProgress.WhyCannotUpdate(Actor);
}
