using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

/// <summary>Choosing a new password: by choice, or because the account has a one-time password.</summary>
// Limited like sign-in: the current-password check must not become a way to guess passwords. A wrong current
// password counts against the client address and, as at sign-in, towards the account's lockout.
public class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn, SignInEvents events, SignInLimits limits) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>Set when the account must choose a new password before it can do anything else.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (limits.AddressBlockedUntil(HttpContext) is { } until)
        {
            return Refused(until, limits.AddressMessage(until));
        }

        if (await users.IsLockedOutAsync(user) && user.LockoutEnd is { } lockedUntil)
        {
            return Refused(lockedUntil, limits.AccountMessage(lockedUntil));
        }

        if (string.IsNullOrEmpty(CurrentPassword))
        {
            Errors["current-password"] = "Enter your current password";
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            Errors["new-password"] = "Enter a new password";
        }
        else if (NewPassword == CurrentPassword)
        {
            Errors["new-password"] = "Your new password must be different from your current password";
        }

        if (string.IsNullOrEmpty(ConfirmPassword) && !string.IsNullOrEmpty(NewPassword))
        {
            Errors["confirm-password"] = "Enter your new password again";
        }
        else if (!string.IsNullOrEmpty(NewPassword) && ConfirmPassword != NewPassword)
        {
            Errors["confirm-password"] = "The passwords do not match: enter the same new password twice";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        // Cleared in the same save as the new password; put back if the change is refused.
        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                Errors["current-password"] = "Your current password is not right";
                limits.Failed(HttpContext);
                await users.AccessFailedAsync(user);
            }
            else
            {
                // Identity's own length check repeats Waymark's policy in other words: show the policy's.
                var problems = result.Errors.Where(e => e.Code == "Password").Select(e => e.Description).ToList();
                Errors["new-password"] = string.Join(". ", problems.Count > 0 ? problems : result.Errors.Select(e => e.Description));
            }

            return Page();
        }

        // The password change renewed the security stamp: reissue the cookie so this session goes on.
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(user, user.UserName, AuditActions.PasswordChanged, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        TempData["Notification"] = "Your password has been changed";
        return RedirectToPage("/Account/Index");
    }

    private PageResult Refused(DateTimeOffset until, string message)
    {
        limits.TooMany(Response, until);
        Errors["current-password"] = message;
        return Page();
    }
}
