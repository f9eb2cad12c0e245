using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Organisations;

public class OverviewModel(OrganisationScope scope, OrganisationQueries organisations, NoticeQueries notices) : OrganisationPageModel(scope)
{
    /// <summary>The signed-in member's unread notices (none for the public).</summary>
    public PersonNotices Notices { get; private set; } = new([], 0);

    public OrganisationOverview? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await DenyUnlessFrameworkReadableAsync(ct) is { } denied)
        {
            return denied;
        }

        Overview = await organisations.OverviewAsync(ct);
        Notices = await notices.ForPersonAsync(Actor?.PersonId, ct);
        return Page();
    }
}
