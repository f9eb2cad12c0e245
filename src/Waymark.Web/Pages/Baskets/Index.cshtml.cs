using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Baskets;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Baskets;

/// <summary>The organisation's baskets: its corporate scorecard, Health Card and other reported sets.</summary>
public class IndexModel(OrganisationScope scope, BasketQueries queries) : OrganisationPageModel(scope)
{
    public IReadOnlyList<BasketSummary> Baskets { get; private set; } = [];

    public bool CanManage => Permissions.CanManageBaskets(Actor);

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Baskets = await queries.ListAsync(ct);
        return Page();
    }
}
