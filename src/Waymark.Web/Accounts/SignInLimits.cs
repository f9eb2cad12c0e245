using System.Globalization;
using Waymark.Web.Pages;

namespace Waymark.Web.Accounts;

/// <summary>
/// The limits on failed attempts: per client address (sign-in and password forms; API tokens that do not
/// authenticate) and per attempted username, and the words that say when to try again. Successful attempts count
/// for nothing, so a room of people signing in one after another from one address is never held up.
/// </summary>
public sealed class SignInLimits(FailureThrottle throttle, SecuritySettings security, TimeProvider clock)
{
    /// <summary>Wrong passwords before an account (or a name that matches none) must wait; Identity's lockout too.</summary>
    public const int AccountFailures = 5;

    public static readonly TimeSpan AccountWindow = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(1);

    private ThrottleLimit Address => new(security.SignInAttemptsPerMinute, AddressWindow);

    private ThrottleLimit Api => new(security.ApiFailedAuthenticationsPerMinute, AddressWindow);

    private static readonly ThrottleLimit Account = new(AccountFailures, AccountWindow);

    /// <summary>The client's address: the connection's, or the one a configured proxy forwarded (<c>ForwardedHeadersSetup</c>).</summary>
    public static string ClientAddress(HttpContext context) =>
        context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public DateTimeOffset? AddressBlockedUntil(HttpContext context) => throttle.BlockedUntil(AddressKey(context), Address);

    /// <summary>For a name that matches no account: the same wait an account's lockout would give, so nothing tells them apart.</summary>
    public DateTimeOffset? NameBlockedUntil(string userName) => throttle.BlockedUntil(NameKey(userName), Account);

    /// <summary>A wrong password or unknown name from this address; <paramref name="unknownName"/> counts for that name too.</summary>
    public void Failed(HttpContext context, string? unknownName = null)
    {
        throttle.Fail(AddressKey(context));
        if (unknownName is not null)
        {
            throttle.Fail(NameKey(unknownName));
        }
    }

    public DateTimeOffset? ApiBlockedUntil(HttpContext context) => throttle.BlockedUntil(ApiKey(context), Api);

    public void ApiFailed(HttpContext context) => throttle.Fail(ApiKey(context));

    /// <summary>"There have been too many failed sign-ins from your network. Try again after 2:45pm."</summary>
    public string AddressMessage(DateTimeOffset until) =>
        $"There have been too many failed attempts to sign in from your network. Try again after {When(until)}.";

    /// <summary>The same words for an account that exists and a name that does not.</summary>
    public string AccountMessage(DateTimeOffset until) =>
        $"There have been too many failed attempts to sign in with this username. Try again after {When(until)}.";

    /// <summary>Answers 429 with <c>Retry-After</c> in seconds.</summary>
    public void TooMany(HttpResponse response, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        var seconds = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"2:45pm" in UK time, with the date when it is not today.</summary>
    private string When(DateTimeOffset until)
    {
        // Rounded up to the minute, so that trying again at the time shown works.
        var uk = UkTime.ToUk(until.AddTicks(TimeSpan.TicksPerMinute - 1));
        uk = uk.AddTicks(-(uk.Ticks % TimeSpan.TicksPerMinute));
        var time = uk.ToString("h:mm", CultureInfo.InvariantCulture) + (uk.Hour < 12 ? "am" : "pm");
        return UkTime.ToUk(clock.GetUtcNow()).Date == uk.Date ? time : $"{time} on {UkTime.Date(uk)}";
    }

    private static string AddressKey(HttpContext context) => "sign-in " + ClientAddress(context);

    private static string ApiKey(HttpContext context) => "api " + ClientAddress(context);

    private static string NameKey(string userName) => "name " + userName.Trim().ToUpperInvariant();
}
