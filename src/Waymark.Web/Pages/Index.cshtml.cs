using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages;

/// <summary>
/// Choose an organisation: someone signed in chooses among their own organisations (their rights come from their
/// membership of each, docs/permissions.md); the public among those that publish their framework.
/// </summary>
public class IndexModel(OrganisationQueries organisations, CurrentUser current) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public bool SignedIn => current.IsSignedIn;

    public async Task OnGetAsync(CancellationToken ct) => Organisations = current.UserId is { } id
        ? await organisations.ListMemberOfAsync(id, ct)
        : await organisations.ListVisibleAsync(null, ct);
}
