using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Admin.Users;

/// <summary>The organisation's members. Only for those who may manage users (see PageAccess).</summary>
public class IndexModel(OrganisationScope scope, MemberAdministration members) : OrganisationPageModel(scope)
{
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Members = await members.ListAsync(ct);
}
