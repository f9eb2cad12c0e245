using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Indicators;

/// <summary>The indicator library: every indicator with its figure and status in a chosen period, filtered and sorted (members).</summary>
public class IndexModel(OrganisationScope scope, IndicatorQueries queries) : LibraryFilterModel(scope, queries)
{
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CanCreate = IndicatorEditor.CanCreate(await LoadActorAsync(ct));
        await LoadAsync(ct);
        return Page();
    }
}
