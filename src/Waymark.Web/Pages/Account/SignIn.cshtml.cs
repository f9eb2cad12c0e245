using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

[EnableRateLimiting(AccountsSetup.SignInRateLimit)]
public class SignInModel(SignInManager<User> signIn, UserManager<User> users, SignInEvents events, OrganisationQueries organisations) : PageModel
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

        var user = await users.FindByNameAsync(UserName!.Trim());
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
        Errors["username"] = Failed;
        Password = null;
        return Page();
    }

    private string SafeReturnUrl() => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";
}
