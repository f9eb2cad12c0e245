using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

public sealed record CreatedToken(ApiToken Token, string Secret);

/// <summary>Personal access tokens: issued once, stored hashed, revocable, expiring.</summary>
public sealed class ApiTokenService(WaymarkDbContext db, TimeProvider clock)
{
    public const string SecretPrefix = "wm_";
    public const int MaximumLifetimeDays = 366;

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty)));

    public async Task<CreatedToken> CreateAsync(int userId, string name, bool readOnly, int lifetimeDays, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetimeDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetimeDays, MaximumLifetimeDays);
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..9],
            TokenHash = Hash(secret),
            ReadOnly = readOnly,
            CreatedAt = now,
            ExpiresAt = now.AddDays(lifetimeDays),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedToken(token, secret);
    }

    /// <summary>The user's tokens, newest first (by id: EF Core cannot order by a DateTimeOffset on SQLite).</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(int userId, CancellationToken cancellationToken = default) =>
        await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>Revokes one of the user's own tokens; false when there is no such token.</summary>
    public async Task<bool> RevokeAsync(int userId, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The active token with this secret and its (enabled) owner, or null.</summary>
    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = clock.GetUtcNow();
        var token = await db.ApiTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        return token is not null && token.IsActive(now) && token.User is { IsDisabled: false } ? token : null;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
