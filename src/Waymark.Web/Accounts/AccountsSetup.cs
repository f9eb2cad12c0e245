using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Waymark.Core.Accounts;

namespace Waymark.Web.Accounts;

/// <summary>Accounts, sessions, API tokens, authorization and rate limits.</summary>
internal static class AccountsSetup
{
    public const string SignInRateLimit = "sign-in";
    public const string ApiRateLimit = "api";

    public static void AddWaymarkAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var security = new SecuritySettings();
        configuration.GetSection("Waymark:Security").Bind(security);
        services.AddSingleton(security);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<SignInEvents>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<MemberAdministration>();
        services.AddScoped<DemoUsers>();

        services.AddSingleton<FailureThrottle>();
        services.AddSingleton<SignInLimits>();

        var dataProtection = services.AddDataProtection().SetApplicationName("waymark");
        if (DataProtectionCertificate.Load(configuration) is { } certificate)
        {
            // Keys are encrypted at rest with the certificate, which every node has and the database does not.
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = SignInLimits.AccountFailures;
                o.Lockout.DefaultLockoutTimeSpan = SignInLimits.AccountWindow;
                o.SignIn.RequireConfirmedAccount = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+'";
            })
            .AddUserStore<UserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<WaymarkClaimsFactory>()
            .AddPasswordValidator<WaymarkPasswordValidator>()
            .AddUserConfirmation<EnabledAccountConfirmation>()
            // Only the authenticator app: the default set adds email and SMS providers, which ask the
            // store for email addresses and phone numbers it does not keep (and fail sign-in with 2FA on).
            .AddTokenProvider<AuthenticatorTokenProvider<User>>(TokenOptions.DefaultAuthenticatorProvider);
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = Math.Max(1_000, security.PasswordHashIterations));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "waymark";
                o.DefaultChallengeScheme = "waymark";
            })
            .AddPolicyScheme("waymark", "Cookie for pages, token for the API", o =>
                o.ForwardDefaultSelector = c => c.Request.Path.StartsWithSegments("/api")
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = security.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/sign-in";
            o.LogoutPath = "/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.Events.OnRedirectToAccessDenied = c =>
            {
                // Answer 403 in place (the error page explains), rather than redirecting.
                c.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async c =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(c);
                if (c.Principal is not null && SessionExpired(c.Principal, security, c.HttpContext.RequestServices.GetRequiredService<TimeProvider>()))
                {
                    c.RejectPrincipal();
                    await c.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = security.CookieName + "-2fa";
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // Check on every request, so a disabled account or a changed password ends sessions at once.
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = c =>
            {
                // Keep the original sign-in time: the absolute timeout counts from it.
                var signedIn = c.CurrentPrincipal?.FindFirst(WaymarkClaims.SignedInAt);
                var identity = c.NewPrincipal?.Identities.FirstOrDefault();
                if (signedIn is not null && identity?.FindFirst(WaymarkClaims.SignedInAt) is { } fresh)
                {
                    identity.RemoveClaim(fresh);
                    identity.AddClaim(new System.Security.Claims.Claim(WaymarkClaims.SignedInAt, signedIn.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = security.CookieName + "-af";
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthorization(Policies.Add);
        services.AddScoped<IAuthorizationHandler, ActorRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, OtherOrganisationNotFoundHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The second-factor forms: every POST counts (a code is short, so it is limited hard). Sign-in and the
            // password form count failures only (SignInLimits).
            o.AddPolicy(SignInRateLimit, c => HttpMethods.IsPost(c.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(SignInLimits.ClientAddress(c), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = security.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));
            // Keyed on the token that authenticated (however its header was written), else on the client address.
            // Tokens that do not authenticate are limited before this, per address (ApiTokenAuthenticationHandler).
            o.AddPolicy(ApiRateLimit, c => RateLimitPartition.GetFixedWindowLimiter(
                c.User.FindFirst(WaymarkClaims.TokenId)?.Value is { } tokenId ? "token " + tokenId : "address " + SignInLimits.ClientAddress(c),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = security.ApiRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    private static bool SessionExpired(System.Security.Claims.ClaimsPrincipal principal, SecuritySettings security, TimeProvider clock) =>
        principal.FindFirst(WaymarkClaims.SignedInAt)?.Value is { } value
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
        && clock.GetUtcNow() - signedIn > TimeSpan.FromHours(security.AbsoluteTimeoutHours);
}
