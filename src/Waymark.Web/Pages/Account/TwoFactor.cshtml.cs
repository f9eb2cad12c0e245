using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

/// <summary>Setting up, and turning off, an authenticator app as a second factor.</summary>
// Limited like sign-in: both forms check a secret (a code or the password).
[EnableRateLimiting(AccountsSetup.SignInRateLimit)]
public class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn, SignInEvents events) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>A key is stored and waits to be confirmed with a code; until then the page offers to make one.</summary>
    public bool HasKey { get; private set; }

    public string? FormattedKey { get; private set; }

    public string? OtpAuthUri { get; private set; }

    public string? QrCodeDataUrl { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, straight after the app is turned on; never stored in the clear.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    [TempData]
    public string? Notification { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Shows the page as it is: a GET never stores anything (the key is made by <see cref="OnPostSetUpAsync"/>).</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user) : Challenge();

    /// <summary>Stores a new key for the app to take; the page then shows it with the form that confirms it.</summary>
    public async Task<IActionResult> OnPostSetUpAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            // Not ResetAuthenticatorKeyAsync: that renews the security stamp, which would end this
            // session, and a key that is not yet turned on changes nobody's access.
            user.AuthenticatorKey = users.GenerateNewAuthenticatorKey();
            await users.UpdateAsync(user);
        }

        return RedirectToPage(new { required = Required ? "true" : null });
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled || string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            // Already on, or not set up yet: there is no key waiting for a code.
            return RedirectToPage();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length == 0)
        {
            Errors["code"] = "Enter the 6-digit code from your authenticator app";
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Errors["code"] = "The code is not right: check the app was set up with this key, then enter the code it shows now";
        }

        if (Errors.Count > 0)
        {
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        // The change renewed the security stamp and the session's "second factor" claim: reissue the cookie.
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(user, user.UserName, AuditActions.TwoFactorEnabled, Source, ct);
        Required = false;
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors["password"] = "Enter your password";
        }
        else if (!await users.CheckPasswordAsync(user, Password))
        {
            Errors["password"] = "Your password is not right";
        }

        if (Errors.Count > 0)
        {
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, and no recovery codes, so nothing from the old set-up works if it is turned on again.
        user.RecoveryCodes = null;
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await events.RecordAsync(user, user.UserName, AuditActions.TwoFactorDisabled, Source, ct);
        Notification = "Your authenticator app has been turned off";
        return RedirectToPage();
    }

    private string? Source => HttpContext.Connection.RemoteIpAddress?.ToString();

    private async Task<IActionResult> ShowAsync(User user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return Page();
        }

        HasKey = true;
        FormattedKey = AuthenticatorSetup.FormatKey(key);
        OtpAuthUri = AuthenticatorSetup.OtpAuthUri(user.UserName, key);
        QrCodeDataUrl = AuthenticatorSetup.QrCodeDataUrl(OtpAuthUri);
        return Page();
    }
}
