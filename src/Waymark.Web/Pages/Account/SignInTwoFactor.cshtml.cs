using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

/// <summary>The second step of signing in, for accounts with an authenticator app.</summary>
[EnableRateLimiting(AccountsSetup.SignInRateLimit)]
public class SignInTwoFactorModel(SignInManager<User> signIn, SignInEvents events, OrganisationQueries organisations) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var recovery = (RecoveryCode ?? string.Empty).Trim();
        if (code.Length == 0 && recovery.Length == 0)
        {
            Errors["code"] = "Enter the 6-digit code from your authenticator app";
            return Page();
        }

        var result = code.Length > 0
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(recovery);
        var source = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (result.Succeeded)
        {
            await events.RecordAsync(user, user.UserName, AuditActions.SignedIn, source, ct);
            return LocalRedirect(await SignInLanding.ForAsync(organisations, user.Id, ReturnUrl, Url, ct));
        }

        await events.RecordAsync(user, user.UserName, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SecondFactorFailed, source, ct);
        if (result.IsLockedOut)
        {
            return RedirectToPage("/Account/SignIn");
        }

        Errors[code.Length > 0 ? "code" : "recovery-code"] = code.Length > 0
            ? "The code is not right: enter the code your app shows now"
            : "The recovery code is not right or has been used";
        return Page();
    }
}
