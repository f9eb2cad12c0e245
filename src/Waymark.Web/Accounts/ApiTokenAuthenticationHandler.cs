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
/// so). Failures answer 401/403 as problem details; the API never redirects to a sign-in page. Tokens that do not
/// authenticate are counted per client address (<see cref="SignInLimits"/>): past the limit they answer 429, without a
/// log line each, while valid tokens from the same address go on working.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, WaymarkDbContext db, AuditTrail audit, TimeProvider clock, SignInLimits limits)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Last-use times are written at most this often, so reads stay cheap.</summary>
    private static readonly TimeSpan UseRecordedEvery = TimeSpan.FromMinutes(5);

    private DateTimeOffset? _blockedUntil;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? await tokens.FindActiveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted)
            : null;
        if (token is null)
        {
            if (limits.ApiBlockedUntil(Context) is { } until)
            {
                // Answered 429 by the challenge; no failure is logged.
                _blockedUntil = until;
                return AuthenticateResult.NoResult();
            }

            limits.ApiFailed(Context);
            return AuthenticateResult.Fail("Use a valid API token: Authorization: Bearer wm_…");
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

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_blockedUntil is { } until)
        {
            limits.TooMany(Response, until);
            return WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many requests",
                "Too many requests from this address had an API token that is not valid. Wait, then try again with a valid token.");
        }

        return WriteProblemAsync(StatusCodes.Status401Unauthorized, "Sign-in needed",
            "This needs an API token: send it as Authorization: Bearer wm_…");
    }

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
