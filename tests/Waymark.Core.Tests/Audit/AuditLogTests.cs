using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Organisations;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Audit;

/// <summary>Which entries an organisation's trail holds: its own, and its own members' account events outside any organisation.</summary>
public class AuditLogTests
{
    [Fact]
    public async Task UnassignedAccountEvents_AreInTheTrailOfTheAccountsOwnOrganisation_Only()
    {
        var database = await TestDatabase.SharedAsync();
        var marker = TestDatabase.UniqueSlug("account-event");
        var own = new Organisation { Name = "Own Council", ShortName = "Own", Slug = TestDatabase.UniqueSlug("own") };
        var other = new Organisation { Name = "Other Council", ShortName = "Other", Slug = TestDatabase.UniqueSlug("other") };
        var member = NewUser(TestDatabase.UniqueSlug("member"));
        var stranger = NewUser(TestDatabase.UniqueSlug("stranger"));
        await using (var db = database.CreateContext())
        {
            db.AddRange(own, other, member, stranger);
            await db.SaveChangesAsync();
            db.Memberships.AddRange(
                new Membership { OrganisationId = own.Id, UserId = member.Id, Role = Role.Councillor },
                new Membership { OrganisationId = other.Id, UserId = stranger.Id, Role = Role.Councillor });
            await db.SaveChangesAsync();
        }

        var membersToken = await NewTokenAsync(database, member.Id);
        var strangersToken = await NewTokenAsync(database, stranger.Id);
        // Outside any organisation: each account's own change, a token changed by the command line, an unknown name.
        await RecordAsync(database, member.Id, nameof(User), member.Id, $"{marker} member's own change");
        await RecordAsync(database, stranger.Id, nameof(User), stranger.Id, $"{marker} stranger's own change");
        await RecordAsync(database, null, nameof(ApiToken), membersToken, $"{marker} member's token");
        await RecordAsync(database, null, nameof(ApiToken), strangersToken, $"{marker} stranger's token");
        await RecordAsync(database, null, nameof(User), null, $"{marker} a name that matches no account");

        Assert.Equal([$"{marker} member's own change", $"{marker} member's token"], await VisibleAsync(database, own, marker, includeUnassigned: true));
        Assert.Equal([$"{marker} stranger's own change", $"{marker} stranger's token"], await VisibleAsync(database, other, marker, includeUnassigned: true));
        Assert.Empty(await VisibleAsync(database, own, marker, includeUnassigned: false));
    }

    private static User NewUser(string name) => new()
    {
        UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = name, SecurityStamp = Guid.NewGuid().ToString(),
    };

    private static async Task<int> NewTokenAsync(TestDatabase database, int userId)
    {
        await using var db = database.CreateContext();
        var token = new ApiToken
        {
            UserId = userId, Name = "script", Prefix = "wm_test", TokenHash = Guid.NewGuid().ToString("N"),
            CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return token.Id;
    }

    private static async Task RecordAsync(TestDatabase database, int? userId, string type, int? id, string summary)
    {
        var audit = new AuditContext();
        audit.Set(userId, userId is null ? "command line: root" : $"user {userId}", "tests");
        await using var db = database.CreateContext(audit: audit);
        await new AuditTrail(db, TimeProvider.System).RecordAsync("Updated", null, type, id?.ToString(System.Globalization.CultureInfo.InvariantCulture), summary);
    }

    private static async Task<List<string?>> VisibleAsync(TestDatabase database, Organisation organisation, string marker, bool includeUnassigned)
    {
        var scope = new OrganisationScope();
        scope.Enter(organisation);
        await using var db = database.CreateContext(scope);
        var query = new AuditLog(db).Query(new AuditFilter(), includeUnassigned).Where(e => e.Summary!.StartsWith(marker));
        var summaries = await query.Select(e => e.Summary).ToListAsync();
        summaries.Sort(StringComparer.Ordinal);
        return summaries;
    }
}
