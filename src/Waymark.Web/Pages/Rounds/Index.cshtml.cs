using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Core.Rounds;

namespace Waymark.Web.Pages.Rounds;

/// <summary>The organisation's monitoring rounds, their state, deadlines and completeness, and the trend over past rounds.</summary>
public class IndexModel(OrganisationScope scope, RoundQueries queries) : OrganisationPageModel(scope)
{
    public IReadOnlyList<RoundSummary> Rounds { get; private set; } = [];

    /// <summary>The rounds oldest first, for the trend.</summary>
    public IReadOnlyList<RoundSummary> Trend => [.. Rounds.Reverse()];

    public bool CanRun => Permissions.CanRunRounds(Actor);

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Rounds = await queries.ListAsync(ct);
        return Page();
    }
}
