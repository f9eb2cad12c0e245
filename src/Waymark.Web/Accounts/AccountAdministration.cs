using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;

namespace Waymark.Web.Accounts;

public sealed record NewAccount(User User, string OneTimePassword);

/// <summary>
/// Creating accounts and issuing passwords: the same code for the admin pages and the command line.
/// No password is ever fixed: each account starts with a random one-time password that must be
/// changed at first sign-in.
/// </summary>
public sealed class AccountAdministration(UserManager<User> users, WaymarkDbContext db, AuditTrail audit, TimeProvider clock)
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>A random password of 24 characters in groups ("k7dq-3mzp-…"), about 98 bits.</summary>
    public static string GenerateOneTimePassword()
    {
        var chars = new char[24];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (i + 1) % 5 == 0 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Creates an account with a membership of one organisation. Throws with a clear message on bad input.</summary>
    public async Task<NewAccount> CreateAsync(string userName, string displayName, int organisationId, Role role,
        int? unitId = null, int? personId = null, CancellationToken ct = default)
    {
        userName = userName.Trim();
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw new InvalidOperationException($"There is already an account with the username '{userName}'.");
        }

        var password = GenerateOneTimePassword();
        var user = new User
        {
            UserName = userName,
            NormalizedUserName = users.NormalizeName(userName),
            DisplayName = displayName.Trim(),
            Email = userName.Contains('@', StringComparison.Ordinal) ? userName : null,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        user.Memberships.Add(new Membership { OrganisationId = organisationId, Role = role, UnitId = unitId, PersonId = personId });
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return new NewAccount(user, password);
    }

    /// <summary>Issues a new one-time password; the account's sessions end and it must choose a new password at next sign-in.</summary>
    public async Task<string> ResetPasswordAsync(User user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var password = GenerateOneTimePassword();
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        await RecordForMembershipsAsync(user, AuditActions.PasswordReset, ct);
        return password;
    }

    /// <summary>Disables or enables an account. Disabling ends its sessions at once (the security stamp changes).</summary>
    public async Task SetDisabledAsync(User user, bool disabled, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.IsDisabled = disabled;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
    }

    private async Task RecordForMembershipsAsync(User user, string action, CancellationToken ct)
    {
        var organisations = await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id)
            .Select(m => (int?)m.OrganisationId).ToListAsync(ct);
        foreach (var organisation in organisations.DefaultIfEmpty(null))
        {
            await audit.RecordAsync(action, organisation, nameof(User), user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), user.UserName, ct);
        }
    }
}
