using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account.Tokens;

/// <summary>The signed-in person's own API tokens (never the secrets: only their first characters).</summary>
public class IndexModel(ApiTokenService tokens, CurrentUser current, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>The token just revoked, for the confirmation banner.</summary>
    public ApiToken? Revoked { get; private set; }

    public async Task OnGetAsync(int? revoked, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Tokens = await tokens.ListAsync(current.UserId!.Value, ct);
        Revoked = revoked is { } id ? Tokens.FirstOrDefault(t => t.Id == id && t.RevokedAt is not null) : null;
    }

    public static (string Text, string Colour) Status(ApiToken token, DateTimeOffset now) => token switch
    {
        { RevokedAt: not null } => ("Revoked", "govuk-tag--red"),
        _ when token.ExpiresAt <= now => ("Expired", "govuk-tag--grey"),
        _ => ("Active", "govuk-tag--green"),
    };
}
