using Waymark.Core.Audit;
using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

/// <summary>
/// A personal access token for integrations. The token itself is shown once; only its SHA-256 hash
/// is kept. It acts with its owner's rights, optionally read-only, until it expires or is revoked.
/// </summary>
public class ApiToken : IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public User? User { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, to recognise it in lists ("wm_3fK9…").</summary>
    public required string Prefix { get; set; }

    public required string TokenHash { get; set; }
    public bool ReadOnly { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public Guid Version { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Name;
}
