using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Organisations;

public class OverviewModel(OrganisationScope scope, OrganisationService organisations) : OrganisationPageModel(scope)
{
    public OrganisationOverview? Overview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Overview = await organisations.OverviewAsync(ct);
}
