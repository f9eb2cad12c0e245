using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Waymark.Core.Accounts;

namespace Waymark.Web.Accounts;

public static class WaymarkClaims
{
    public const string DisplayName = "wm:display_name";

    /// <summary>When the person signed in (UTC, ISO 8601): the absolute session timeout counts from here.</summary>
    public const string SignedInAt = "wm:signed_in_at";

    public const string MustChangePassword = "wm:must_change_password";
    public const string TwoFactorEnabled = "wm:two_factor";
    public const string TokenId = "wm:token_id";
    public const string ReadOnly = "wm:read_only";

    public static int? UserId(this ClaimsPrincipal principal) =>
        int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>Adds Waymark's claims to the signed-in principal.</summary>
internal sealed class WaymarkClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, TimeProvider clock)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WaymarkClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(WaymarkClaims.SignedInAt, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(WaymarkClaims.TwoFactorEnabled, user.TwoFactorEnabled ? "true" : "false"));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(WaymarkClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
