using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Admin.Users;

/// <summary>Confirming, then issuing, a one-time password. It is shown once, in the answer to the POST, and never stored.</summary>
public class ResetPasswordModel(OrganisationScope scope, WaymarkDbContext db, AccountAdministration accounts) : OrganisationPageModel(scope)
{
    public User Account { get; private set; } = null!;

    public string? OneTimePassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        OneTimePassword = await accounts.ResetPasswordAsync(Account, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int userId, CancellationToken ct)
    {
        // Through the membership, so that a user of another organisation is not found.
        var user = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.User).SingleOrDefaultAsync(ct);
        Account = user!;
        return user is not null;
    }
}
