using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

/// <summary>
/// Signing out ends the session for good: the security stamp changes, so this session's cookie (and
/// any other session of the same account) is refused from now on, even if someone kept a copy.
/// </summary>
public class SignOutModel(SignInManager<User> signIn, UserManager<User> users, SignInEvents events) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await events.RecordAsync(user, user.UserName, AuditActions.SignedOut, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        }

        await signIn.SignOutAsync();
        return Redirect("/?signed-out=true");
    }
}
