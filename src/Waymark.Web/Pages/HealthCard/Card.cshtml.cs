using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Breakdowns;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.HealthCard;

/// <summary>One Health Card basket's card for a chosen period (members).</summary>
public class CardModel(OrganisationScope scope, WaymarkDbContext db, HealthCardQueries queries) : OrganisationPageModel(scope)
{
    public HealthCardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? period, CancellationToken ct)
    {
        if (await HealthCardView.LoadAsync(db, queries, id, period, YearStartMonth, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
