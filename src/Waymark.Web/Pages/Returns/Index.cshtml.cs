using Waymark.Core.Organisations;
using Waymark.Core.Returns;

namespace Waymark.Web.Pages.Returns;

/// <summary>A manager's returns in open rounds, by round: those awaiting sign-off first, then those still with their owners.</summary>
public class IndexModel(OrganisationScope scope, ReturnQueries queries) : OrganisationPageModel(scope)
{
    [Microsoft.AspNetCore.Mvc.TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public IReadOnlyList<IGrouping<Waymark.Core.Periods.Period, ReturnSummary>> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        Rounds = [.. (await queries.ToSignOffAsync(actor, ct)).GroupBy(r => r.Period)];
    }
}
