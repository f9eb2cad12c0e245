using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;

namespace Waymark.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer wm_…</c> for the API. A token acts as its owner (read-only when issued
/// so). Failures answer 401/403 as problem details; the API never redirects to a sign-in page.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, WaymarkDbContext db, AuditTrail audit, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Last-use times are written at most this often, so reads stay cheap.</summary>
    private static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Use an API token: Authorization: Bearer wm_…");
        }

        var token = await tokens.FindActiveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("The API token is not valid: it may have expired or been revoked.");
        }

        var now = clock.GetUtcNow();
        if (token.LastUsedAt is null || now - token.LastUsedAt > UseRecordedEvery)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
            db.Audit.Set(token.UserId, $"{token.User!.DisplayName} ({token.User.UserName}) with API token '{token.Name}'", Context.Connection.RemoteIpAddress?.ToString());
            var organisations = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == token.UserId)
                .Select(m => (int?)m.OrganisationId).ToListAsync(Context.RequestAborted);
            foreach (var organisation in organisations.DefaultIfEmpty(null))
            {
                await audit.RecordAsync("API token used", organisation, nameof(ApiToken), token.Id.ToString(CultureInfo.InvariantCulture), token.Name, Context.RequestAborted);
            }
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, token.UserId.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, token.User!.UserName),
            new Claim(WaymarkClaims.DisplayName, token.User.DisplayName),
            new Claim(WaymarkClaims.TokenId, token.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(WaymarkClaims.ReadOnly, token.ReadOnly ? "true" : "false"),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Sign-in needed",
            "This needs an API token: send it as Authorization: Bearer wm_…");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed", "Your account or token is not allowed to do this.");

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }

        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
