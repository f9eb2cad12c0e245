using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages;

public class IndexModel(OrganisationQueries organisations, CurrentUser current) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await organisations.ListVisibleAsync(current.UserId, ct);
}
