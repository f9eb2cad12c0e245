using System.Collections.Concurrent;

namespace Waymark.Web.Accounts;

/// <summary>
/// Counts failures (wrong passwords, names that match no account, API tokens that do not authenticate) per key —
/// a client address, an attempted username — over a sliding window, and says until when a key must wait. Only
/// failures count, so people who sign in correctly never use up their address's allowance. Counts live on this node;
/// an account's own lockout is in the database (Identity), shared by every node.
/// </summary>
public sealed class FailureThrottle(TimeProvider clock)
{
    /// <summary>Keys whose last failure is older than this are forgotten (longer than any window in use).</summary>
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    /// <summary>Above this many keys, forgotten ones are swept out, so a flood of addresses cannot grow memory for ever.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>When <paramref name="key"/> may try again, or null when it may now.</summary>
    public DateTimeOffset? BlockedUntil(string key, ThrottleLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        if (!_failures.TryGetValue(key, out var times))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        lock (times)
        {
            times.RemoveAll(t => t <= now - limit.Window);
            // Blocked until the failure that filled the allowance leaves the window: after the last failure, as with
            // an account's lockout, once the count is reached.
            return times.Count >= limit.Failures ? times[^1] + limit.Window : null;
        }
    }

    /// <summary>Counts one failure of <paramref name="key"/>.</summary>
    public void Fail(string key)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > SweepAbove)
        {
            Sweep(now);
        }

        var times = _failures.GetOrAdd(key, _ => []);
        lock (times)
        {
            times.Add(now);
        }
    }

    /// <summary>Forgets the failures of <paramref name="key"/> (a correct password for that name).</summary>
    public void Clear(string key) => _failures.TryRemove(key, out _);

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, times) in _failures)
        {
            bool stale;
            lock (times)
            {
                stale = times.Count == 0 || times[^1] <= now - Forget;
            }

            if (stale)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }
}

/// <summary>At most <see cref="Failures"/> failures within <see cref="Window"/>.</summary>
public sealed record ThrottleLimit(int Failures, TimeSpan Window);
