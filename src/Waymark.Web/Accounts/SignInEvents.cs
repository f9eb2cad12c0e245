using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;

namespace Waymark.Web.Accounts;

/// <summary>Records sign-in events in the audit trail of every organisation the account belongs to.</summary>
public sealed class SignInEvents(WaymarkDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task RecordAsync(User? user, string attemptedName, string action, string? source, CancellationToken ct)
    {
        var name = user is null
            ? $"unknown user '{Shorten(attemptedName)}'"
            : $"{user.DisplayName} ({user.UserName})";
        db.Audit.Set(user?.Id, name, source);
        var organisations = user is null
            ? []
            : await db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == user.Id)
                .OrderBy(m => m.OrganisationId).Select(m => (int?)m.OrganisationId).ToListAsync(ct);
        foreach (var organisation in organisations.DefaultIfEmpty(null))
        {
            await audit.RecordAsync(action, organisation, nameof(User), user?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), user?.UserName, ct);
        }

        if (user is not null && action == AuditActions.SignedIn)
        {
            user.LastSignInAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100];
}

public static class AuditActions
{
    public const string SignedIn = "Signed in";
    public const string SignInFailed = "Sign-in failed";
    public const string LockedOut = "Locked out";
    public const string SecondFactorNeeded = "Password accepted, second factor needed";
    public const string SecondFactorFailed = "Second factor failed";
    public const string SignedOut = "Signed out";
    public const string PasswordChanged = "Password changed";
    public const string PasswordReset = "Password reset by an administrator";
    public const string TwoFactorEnabled = "Second factor turned on";
    public const string TwoFactorDisabled = "Second factor turned off";
}
