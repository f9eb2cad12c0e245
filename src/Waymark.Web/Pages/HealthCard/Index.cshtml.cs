using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Breakdowns;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.HealthCard;

/// <summary>The Health Card: the organisation's Health Card baskets, and the card itself when there is one (members).</summary>
public class IndexModel(OrganisationScope scope, WaymarkDbContext db, HealthCardQueries queries) : OrganisationPageModel(scope)
{
    public IReadOnlyList<HealthCardBasket> Baskets { get; private set; } = [];

    /// <summary>The card shown: the only Health Card basket's (several are listed to choose from).</summary>
    public HealthCardView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? period, CancellationToken ct)
    {
        Baskets = await HealthCardView.BasketsAsync(db, ct);
        if (Baskets.Count == 1)
        {
            View = await HealthCardView.LoadAsync(db, queries, Baskets[0].Id, period, YearStartMonth, ct);
        }

        return Page();
    }
}
