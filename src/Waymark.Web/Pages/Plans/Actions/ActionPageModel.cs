using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>
/// A page about one action of a plan (or, adding one, the plan): found in its plan (else not found), only for those who
/// may read the plan; how the action editors' answers show on it; and the completion date's fields (the action's form and
/// the state page).
/// </summary>
public abstract class ActionPageModel(OrganisationScope scope, ActionQueries queries) : EditorPageModel(scope)
{
    /// <summary>The action with what its page shows (the pages that read it: not the action's form).</summary>
    public ActionDetail Detail { get; private set; } = null!;

    public PlanAction Action { get; protected set; } = null!;

    public Plan Plan { get; protected set; } = null!;

    public string PlanUrl => $"{OrgPath}/plans/{Plan.Id}";
    public string ActionUrl => $"{PlanUrl}/actions/{Action.Id}";
    public string ActionLabel => string.IsNullOrWhiteSpace(Action.Reference) ? Action.Title : $"{Action.Reference} {Action.Title}";
    public bool CanUpdate => ActionProgress.CanUpdate(Actor, Action, Plan);
    public bool CanEdit => PlanWorkflowRules.ContentEditable(Plan.State) && ActionEditor.CanEdit(Actor, Plan);
    protected ActionQueries Queries => queries;

    /// <summary>The success banner, read by whichever page the save returns to.</summary>
    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    [BindProperty(Name = "completedOn-day")]
    public string? CompletedDay { get; set; }

    [BindProperty(Name = "completedOn-month")]
    public string? CompletedMonth { get; set; }

    [BindProperty(Name = "completedOn-year")]
    public string? CompletedYear { get; set; }

    /// <summary>The completion date's message, for its date input (on the state page and the action's form).</summary>
    public string? CompletedOnError { get; private set; }

    /// <summary>The completion date's fields to show in error.</summary>
    public IReadOnlySet<string> CompletedFieldsInError { get; private set; } = DateReading.NoFields;

    public string MonthText(Period? month) => month?.Format(YearStartMonth) ?? "";

    /// <summary>The field a refusal and a missing version are shown against (the form has no field of their own).</summary>
    protected virtual string ProblemField => ActionFields.Title;

    /// <summary>Null when the page may go on; otherwise not found, or the 403 page that says why.</summary>
    protected async Task<IActionResult?> LoadAsync(int id, int actionId, CancellationToken ct)
    {
        var open = await queries.OpenAsync(await LoadActorAsync(ct), id, actionId, ct);
        if (open.Record is not { } detail)
        {
            return await AnswerAsync(open, _ => Page());
        }

        Show(detail);
        return WhyNot() is { } reason ? Deny(reason) : null;
    }

    /// <summary>The page's own per-record rule (beyond reading the plan): null when the actor may use it, else why not.</summary>
    protected virtual string? WhyNot() => null;

    /// <summary>A form page's GET: the action, and the version the form is based on.</summary>
    protected async Task<IActionResult> ShowFormAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } refused)
        {
            return refused;
        }

        Version = Action.Version;
        return Page();
    }

    /// <summary>Reloads after a save met someone else's (the page then shows what is saved now).</summary>
    protected async Task ReloadAsync(CancellationToken ct)
    {
        // Gone meanwhile: the page says so (the editor's refusal), over the action as it was read.
        if (await queries.DetailAsync(Plan.Id, Action.Id, ct) is { } detail)
        {
            Show(detail);
        }
    }

    /// <summary>The completion date as entered; null, with its error shown, when it cannot be read.</summary>
    protected DateOnly? ReadCompletedOn()
    {
        var completed = DateReading.Read(new DateParts(CompletedDay, CompletedMonth, CompletedYear), "The completion date");
        if (completed.Error is not null)
        {
            ShowCompletedOnError(completed.Error, completed.FieldsInError);
        }

        return completed.Date;
    }

    protected void ShowCompletedOn(DateOnly? date)
    {
        CompletedDay = date?.Day.ToString(CultureInfo.InvariantCulture);
        CompletedMonth = date?.Month.ToString(CultureInfo.InvariantCulture);
        CompletedYear = date?.Year.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A refusal (the editor's own words) against <see cref="ProblemField"/>, the form shown again.</summary>
    protected override void ShowRefusal(string reason) => Errors[ProblemField] = reason;

    /// <summary>
    /// The editor's errors by their fields; a missing version's against <see cref="ProblemField"/>; the completion date's
    /// (judged as a whole: in the future, or for an action not completed) against its date input.
    /// </summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors.Where(e => e.Key != ActionFields.CompletedOn))
        {
            Errors[field == "version" ? ProblemField : field] = message;
        }

        if (errors.TryGetValue(ActionFields.CompletedOn, out var completedOn))
        {
            ShowCompletedOnError(completedOn, DateReading.AllFields);
        }
    }

    /// <summary>
    /// An error about the completion date: in the error summary under the id of its first field in error, which the
    /// summary links to (GOV.UK: an input, not the group around the three).
    /// </summary>
    private void ShowCompletedOnError(string message, IReadOnlySet<string> fieldsInError)
    {
        CompletedOnError = message;
        CompletedFieldsInError = fieldsInError;
        Errors[DateReading.FirstFieldId(ActionFields.CompletedOn, fieldsInError)] = message;
    }

    private void Show(ActionDetail detail)
    {
        Detail = detail;
        Action = detail.Action;
        Plan = detail.Plan;
    }
}
