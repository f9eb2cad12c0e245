using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Returns;
using Waymark.Core.Rounds;

namespace Waymark.Web.Pages.Returns;

/// <summary>
/// The person's return for a round: everything they owe (indicator values, action progress, milestone progress) on one
/// page with what is still missing and the notes of items returned to them, a link to enter each item through the
/// existing forms (and the bulk forms), and "submit" (<see cref="ReturnEditor.SubmitAsync"/>); read-only once submitted.
/// </summary>
public class MyReturnRoundModel(OrganisationScope scope, ReturnQueries queries, ReturnEditor editor) : EditorPageModel(scope)
{
    public const string SubmitId = "submit-return";

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public MonitoringRound Round { get; private set; } = null!;

    /// <summary>The person's return in the round; null when they have none in it.</summary>
    public ReturnView? Return { get; private set; }

    public bool Editable => Return is not null && ReturnRules.IsEditableByOwner(Return.State, Return.RoundClosed);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer)
        {
            return answer;
        }

        Version = Return?.Return.Version ?? Guid.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } answer)
        {
            return answer;
        }

        if (Return is null)
        {
            ShowRefusal("You have no return in this round, so there is nothing to submit.");
            return Page();
        }

        var result = await editor.SubmitAsync(Actor, Return.Return.Id, Version == Guid.Empty ? null : Version, ct);
        return await AnswerAsync(result, done: saved =>
        {
            Notification = $"Submitted your return for the {saved.Round.Label(YearStartMonth)}: it is with your manager to sign off";
            return Redirect($"{OrgPath}/my-return/{id}");
        }, reload: () => LoadAsync(id, ct), differences: now => [new ConflictRow("State", ReturnRules.Words(now.State), null)]);
    }

    protected override void ShowRefusal(string reason)
    {
        // A refusal to submit (items still missing) belongs with the submit button, in the error summary.
        Errors[SubmitId] = reason;
        Response.StatusCode = StatusCodes.Status409Conflict;
    }

    /// <summary>The round and the person's return in it; the page's answer when the round is not found.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        if (await queries.RoundAsync(id, ct) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        Return = await queries.MineInRoundAsync(Actor, id, ct) is { } returnId ? await queries.FindAsync(returnId, ct) : null;
        return null;
    }
}
