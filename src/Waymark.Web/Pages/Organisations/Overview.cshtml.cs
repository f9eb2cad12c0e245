using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Organisations;

public class OverviewModel(OrganisationScope scope, OrganisationQueries organisations) : OrganisationPageModel(scope)
{
    public OrganisationOverview? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await DenyUnlessFrameworkReadableAsync(ct) is { } denied)
        {
            return denied;
        }

        Overview = await organisations.OverviewAsync(ct);
        return Page();
    }
}
