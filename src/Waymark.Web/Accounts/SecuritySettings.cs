namespace Waymark.Web.Accounts;

/// <summary>Bound from configuration section <c>Waymark:Security</c>.</summary>
public sealed class SecuritySettings
{
    /// <summary>
    /// Serve over HTTPS only: redirects, HSTS, Secure cookies with the __Host- prefix. Turn on for
    /// every real installation (the local demo runs on plain HTTP at 127.0.0.1).
    /// </summary>
    public bool RequireHttps { get; set; }

    /// <summary>A session ends after this long without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public int AbsoluteTimeoutHours { get; set; } = 10;

    /// <summary>Administrators must set up an authenticator app before they can do anything else.</summary>
    public bool RequireTwoFactorForAdministrators { get; set; }

    /// <summary>
    /// Failed sign-ins (and wrong current passwords) allowed per client address per minute; correct ones do not count.
    /// Also the POSTs per minute of the second-factor forms. A council whose staff share one address needs room.
    /// </summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;

    /// <summary>API requests allowed per token (or, without one, per client address) per minute.</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;

    /// <summary>API requests with a token that does not authenticate allowed per client address per minute; then 429.</summary>
    public int ApiFailedAuthenticationsPerMinute { get; set; } = 30;

    /// <summary>
    /// PBKDF2-HMAC-SHA256 rounds for password hashes (OWASP's 2023 figure). Only tests lower it,
    /// to keep the suite quick; existing hashes are upgraded on the next sign-in when it rises.
    /// </summary>
    public int PasswordHashIterations { get; set; } = 600_000;

    public string CookieName => RequireHttps ? "__Host-waymark" : "waymark";
}
