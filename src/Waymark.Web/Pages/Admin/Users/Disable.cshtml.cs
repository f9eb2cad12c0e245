using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Admin.Users;

/// <summary>Confirming, then disabling, an account. Its sessions end at once (the security stamp changes).</summary>
public class DisableModel(OrganisationScope scope, WaymarkDbContext db, MemberAdministration members, AccountAdministration accounts)
    : OrganisationPageModel(scope)
{
    public User Account { get; private set; } = null!;

    /// <summary>Organisations this account is the last enabled administrator of: then it may not be disabled.</summary>
    public IReadOnlyList<string> LastAdministratorOf { get; private set; } = [];

    [TempData]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (LastAdministratorOf.Count > 0 || Account.IsDisabled)
        {
            return Page();
        }

        await accounts.SetDisabledAsync(Account, disabled: true, ct);
        Notification = $"{Account.DisplayName}'s account has been disabled and they have been signed out";
        return Redirect($"{OrgPath}/admin/users/{id}");
    }

    private async Task<bool> LoadAsync(int userId, CancellationToken ct)
    {
        // Through the membership, so that a user of another organisation is not found.
        var user = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.User).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return false;
        }

        Account = user;
        LastAdministratorOf = await members.LastAdministratorOfAsync(userId, everywhere: true, ct);
        return true;
    }
}
