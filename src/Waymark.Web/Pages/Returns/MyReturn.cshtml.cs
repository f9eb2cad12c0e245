using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Returns;

namespace Waymark.Web.Pages.Returns;

/// <summary>
/// "My return": the person's return in the open round (straight to it when there is one), or a list when they have
/// returns in several open rounds, or a word on what a return is when they have none.
/// </summary>
public class MyReturnModel(OrganisationScope scope, ReturnQueries queries) : OrganisationPageModel(scope)
{
    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public IReadOnlyList<ReturnSummary> Mine { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        Mine = await queries.MineAsync(actor, includeClosed: false, ct);
        return Mine.Count == 1 ? Redirect($"{OrgPath}/my-return/{Mine[0].RoundId}") : Page();
    }
}
