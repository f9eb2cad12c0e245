using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

/// <summary>
/// Signing in. Failed attempts are limited per client address and per username (<see cref="SignInLimits"/>); a
/// correct password uses up nothing.
/// </summary>
public class SignInModel(SignInManager<User> signIn, UserManager<User> users, SignInEvents events, SignInLimits limits, OrganisationQueries organisations) : PageModel
{
    /// <summary>The same words whatever went wrong, so the page never tells whether an account exists.</summary>
    public const string Failed = "Enter a correct username and password";

    [BindProperty]
    [Display(Name = "Username")]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName))
        {
            Errors["username"] = "Enter your username";
        }

        if (string.IsNullOrEmpty(Password))
        {
            Errors["password"] = "Enter your password";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        if (limits.AddressBlockedUntil(HttpContext) is { } addressUntil)
        {
            return Refused(addressUntil, limits.AddressMessage(addressUntil));
        }

        var name = UserName!.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is null && limits.NameBlockedUntil(name) is { } nameUntil)
        {
            // As Identity answers for a locked account: no password check, the same words.
            limits.Failed(HttpContext);
            return Refused(nameUntil, limits.AccountMessage(nameUntil));
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        var source = HttpContext.Connection.RemoteIpAddress?.ToString();

        if (result.Succeeded)
        {
            await events.RecordAsync(user, UserName, AuditActions.SignedIn, source, ct);
            return LocalRedirect(await SignInLanding.ForAsync(organisations, user!.Id, ReturnUrl, Url, ct));
        }

        if (result.RequiresTwoFactor)
        {
            await events.RecordAsync(user, UserName, AuditActions.SecondFactorNeeded, source, ct);
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = SafeReturnUrl() });
        }

        await events.RecordAsync(user, UserName, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, source, ct);
        limits.Failed(HttpContext, user is null ? name : null);
        if (result.IsLockedOut && user?.LockoutEnd is { } lockedUntil)
        {
            return Refused(lockedUntil, limits.AccountMessage(lockedUntil));
        }

        if (user is null && limits.NameBlockedUntil(name) is { } nowBlocked)
        {
            return Refused(nowBlocked, limits.AccountMessage(nowBlocked));
        }

        Errors["username"] = Failed;
        Password = null;
        return Page();
    }

    /// <summary>The form again, answered 429 with when to try again.</summary>
    private PageResult Refused(DateTimeOffset until, string message)
    {
        limits.TooMany(Response, until);
        Errors["username"] = message;
        Password = null;
        return Page();
    }

    private string SafeReturnUrl() => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}
