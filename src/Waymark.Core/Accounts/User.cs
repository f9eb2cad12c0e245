using Waymark.Core.Audit;
using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

/// <summary>
/// A sign-in account. Accounts are not owned by one organisation: an administrator can be a member
/// of several. What the account may do in an organisation is its <see cref="Membership"/> there.
/// </summary>
public class User : IVersioned, IAuditLabelled
{
    public int Id { get; set; }

    /// <summary>What the person signs in with: usually their work email address.</summary>
    public required string UserName { get; set; }
    public required string NormalizedUserName { get; set; }
    public required string DisplayName { get; set; }
    public string? Email { get; set; }

    public string? PasswordHash { get; set; }

    /// <summary>Changes whenever credentials or access change; existing sessions then end.</summary>
    public required string SecurityStamp { get; set; }

    /// <summary>Set when an administrator issues a one-time password: the next sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    public bool LockoutEnabled { get; set; } = true;
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }

    public bool TwoFactorEnabled { get; set; }
    public string? AuthenticatorKey { get; set; }

    /// <summary>Hashed recovery codes, separated by ';'.</summary>
    public string? RecoveryCodes { get; set; }

    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    public List<Membership> Memberships { get; set; } = [];

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => UserName;
}
