using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account.Tokens;

/// <summary>
/// Creates an API token. The secret is shown in the response to the POST and nowhere else: it is
/// not put in a redirect, a cookie or the database (which keeps only its hash).
/// </summary>
public class CreateModel(ApiTokenService tokens, CurrentUser current) : PageModel
{
    public const int NameMaxLength = 100;
    public const int DefaultLifetimeDays = 90;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool ReadOnly { get; set; }

    /// <summary>Text, so that whatever was typed can be shown back with its error.</summary>
    [BindProperty]
    public string? LifetimeDays { get; set; } = DefaultLifetimeDays.ToString(CultureInfo.InvariantCulture);

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Set only in the response that created the token.</summary>
    public CreatedToken? Created { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            Errors["name"] = "Enter a name for the token";
        }
        else if (name.Length > NameMaxLength)
        {
            Errors["name"] = $"Name must be {NameMaxLength} characters or fewer";
        }

        var days = 0;
        if (string.IsNullOrWhiteSpace(LifetimeDays))
        {
            Errors["lifetime"] = "Enter how many days the token should last";
        }
        else if (!int.TryParse(LifetimeDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out days))
        {
            Errors["lifetime"] = "Days must be a whole number, like 90";
        }
        else if (days is < 1 or > ApiTokenService.MaximumLifetimeDays)
        {
            Errors["lifetime"] = $"Days must be between 1 and {ApiTokenService.MaximumLifetimeDays}";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        Created = await tokens.CreateAsync(current.UserId!.Value, name!, ReadOnly, days, ct);
        return Page();
    }
}
