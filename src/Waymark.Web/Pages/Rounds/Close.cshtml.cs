using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Rounds;

namespace Waymark.Web.Pages.Rounds;

/// <summary>Confirm closing a round: its returns then stop, and its period is locked.</summary>
public class CloseModel(OrganisationScope scope, RoundEditor editor, RoundQueries queries) : EditorPageModel(scope)
{
    public RoundDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var open = await editor.OpenToCloseAsync(await LoadActorAsync(ct), id, ct);
        Detail = await queries.DetailAsync(id, ct);
        return await AnswerAsync(open, round =>
        {
            Version = round.Version;
            return Page();
        });
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await editor.CloseAsync(await LoadActorAsync(ct), id, Version, ct);
        return await AnswerAsync(result, round =>
        {
            TempData["Notification"] = $"The {round.Title(YearStartMonth)} is closed";
            return Redirect($"{OrgPath}/rounds/{round.Id}");
        }, reload: async () => Detail = await queries.DetailAsync(id, ct), differences: _ =>
            [new ConflictRow("Round", "Changed by someone else since you opened this page", "Close the round")]);
    }
}
