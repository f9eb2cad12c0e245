using Microsoft.AspNetCore.Identity;
using Waymark.Core.Audit;

namespace Waymark.Web.Accounts;

/// <summary>
/// After authentication: tells the audit trail who is acting and from where; keeps signed-in pages
/// out of caches; and sends someone who must first change their password (or, as an administrator,
/// set up a second factor) to do that.
/// </summary>
internal sealed class AccountMiddleware(RequestDelegate next)
{
    private static readonly string[] AlwaysAllowed = ["/account/change-password", "/account/two-factor", "/sign-out", "/error", "/css", "/js", "/lib", "/assets", "/images", "/health"];

    public async Task InvokeAsync(HttpContext context, CurrentUser current, AuditContext audit, SecuritySettings security)
    {
        var source = context.Connection.RemoteIpAddress?.ToString();
        if (current.UserId is { } userId)
        {
            var name = current.Principal.Identity?.Name;
            var token = current.Principal.FindFirst(WaymarkClaims.TokenId) is null ? "" : " with an API token";
            audit.Set(userId, $"{current.DisplayName} ({name}){token}", source);
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
                return Task.CompletedTask;
            });

            if (!WaymarkApiPath(context) && !AlwaysAllowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                if (current.Principal.HasClaim(WaymarkClaims.MustChangePassword, "true"))
                {
                    context.Response.Redirect("/account/change-password?required=true");
                    return;
                }

                if (security.RequireTwoFactorForAdministrators && !current.Principal.HasClaim(WaymarkClaims.TwoFactorEnabled, "true")
                    && await IsAdministratorAnywhereAsync(context, userId))
                {
                    context.Response.Redirect("/account/two-factor?required=true");
                    return;
                }
            }
        }
        else
        {
            audit.Set(null, "anonymous", source);
        }

        await next(context);
    }

    private static bool WaymarkApiPath(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static async Task<bool> IsAdministratorAnywhereAsync(HttpContext context, int userId)
    {
        var db = context.RequestServices.GetRequiredService<Waymark.Core.Data.WaymarkDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Memberships),
            m => m.UserId == userId && m.Role == Waymark.Core.Accounts.Role.Administrator, context.RequestAborted);
    }
}
