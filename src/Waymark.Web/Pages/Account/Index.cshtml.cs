using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

public sealed record AccountMembership(string OrganisationName, string OrganisationSlug, Role Role, string? UnitName);

/// <summary>"Your account": who you are, where you are a member, and links to your security settings.</summary>
public class IndexModel(WaymarkDbContext db, CurrentUser current) : PageModel
{
    public User Account { get; private set; } = null!;

    public IReadOnlyList<AccountMembership> Memberships { get; private set; } = [];

    [TempData]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (current.UserId is not { } userId || await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct) is not { } user)
        {
            return Challenge();
        }

        Account = user;
        // This page is outside any organisation and lists the account's memberships in all of them.
        Memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new AccountMembership(m.Organisation!.Name, m.Organisation.Slug, m.Role, m.Unit == null ? null : m.Unit.Name))
            .ToListAsync(ct);
        return Page();
    }
}
