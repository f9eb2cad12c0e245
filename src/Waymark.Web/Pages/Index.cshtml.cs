using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages;

public class IndexModel(OrganisationService organisations) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await organisations.ListAsync(ct);
}
