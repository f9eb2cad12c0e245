using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Core.Rounds;

namespace Waymark.Web.Pages.Rounds;

/// <summary>One round: its deadlines and state, completeness per unit and per owner, and who is outstanding.</summary>
public class RoundModel(OrganisationScope scope, RoundQueries queries) : OrganisationPageModel(scope)
{
    public RoundDetail Detail { get; private set; } = null!;

    public MonitoringRound Round => Detail.Round;

    public bool CanClose => Permissions.CanRunRounds(Actor) && Detail.State == RoundState.Open;

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        if (await queries.DetailAsync(id, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }

    public string ReturnPath(ReturnFacts r) => $"{OrgPath}/returns/{r.Id}";
}
