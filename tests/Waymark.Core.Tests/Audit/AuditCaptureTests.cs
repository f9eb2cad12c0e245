using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Organisations;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Audit;

/// <summary>Every save is audited in the same transaction; the chain verifies; stale saves are refused.</summary>
public class AuditCaptureTests
{
    private static async Task<(TestDatabase Database, Organisation Org)> SetUpAsync()
    {
        var database = await TestDatabase.MigratedAsync();
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = "test" };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return (database, org);
    }

    private static async Task<List<AuditEntry>> EntriesAsync(TestDatabase database, string type)
    {
        await using var db = database.CreateContext();
        return await db.AuditEntries.Where(e => e.EntityType == type).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task Save_CreateUpdateDelete_RecordsWhoAndEachFieldBeforeAndAfter()
    {
        var (database, org) = await SetUpAsync();
        await using var _ = database;
        var audit = new AuditContext();
        audit.Set(7, "Jane Smith (jane@test)", "192.0.2.1");
        var scope = new OrganisationScope();
        scope.Enter(org);

        int id;
        await using (var db = database.CreateContext(scope, audit))
        {
            var unit = new Unit { OrganisationId = org.Id, Name = "Partnerships" };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            id = unit.Id;
            unit.Name = "Partnerships and Communities";
            await db.SaveChangesAsync();
            db.Units.Remove(unit);
            await db.SaveChangesAsync();
        }

        var entries = await EntriesAsync(database, nameof(Unit));
        Assert.Equal(["Created", "Updated", "Deleted"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(org.Id, e.OrganisationId);
            Assert.Equal(7, e.UserId);
            Assert.Equal("Jane Smith (jane@test)", e.Actor);
            Assert.Equal("192.0.2.1", e.Source);
            Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.EntityId);
        });
        var update = JsonSerializer.Deserialize<List<AuditChange>>(entries[1].Changes!, JsonSerializerOptions.Web)!;
        Assert.Equal([new AuditChange("Name", "Partnerships", "Partnerships and Communities")], update);
        Assert.Contains(JsonSerializer.Deserialize<List<AuditChange>>(entries[2].Changes!, JsonSerializerOptions.Web)!,
            c => c is { Field: "Name", Before: "Partnerships and Communities", After: null });
    }

    [Fact]
    public async Task Save_Secrets_AreRecordedAsChangedWithoutTheirValues()
    {
        var (database, _) = await SetUpAsync();
        await using var __ = database;
        await using (var db = database.CreateContext())
        {
            db.Users.Add(new User
            {
                UserName = "a@test", NormalizedUserName = "A@TEST", DisplayName = "A", SecurityStamp = "stamp-value-secret",
                PasswordHash = "hash-value-secret",
            });
            await db.SaveChangesAsync();
        }

        var entry = Assert.Single(await EntriesAsync(database, nameof(User)));
        Assert.DoesNotContain("secret\"", entry.Changes!.Replace("(secret", "(", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("hash-value-secret", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("stamp-value-secret", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"PasswordHash\"", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterManySaves_IsIntact()
    {
        var (database, org) = await SetUpAsync();
        await using var _ = database;
        var scope = new OrganisationScope();
        scope.Enter(org);
        await using (var db = database.CreateContext(scope))
        {
            for (var i = 0; i < 5; i++)
            {
                db.People.Add(new Person { OrganisationId = org.Id, Name = $"Person {i}" });
                await db.SaveChangesAsync();
            }
        }

        await using var check = database.CreateContext();
        var result = await new AuditTrail(check, TimeProvider.System).VerifyAsync();

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(await check.AuditEntries.CountAsync(), result.EntriesChecked);
        Assert.True(result.EntriesChecked >= 6);
    }

    [Fact]
    public async Task Save_ConcurrentWriters_KeepOneUnbrokenChain()
    {
        var (database, org) = await SetUpAsync();
        await using var _ = database;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async writer =>
        {
            var scope = new OrganisationScope();
            scope.Enter(org);
            for (var i = 0; i < 5; i++)
            {
                await using var db = database.CreateContext(scope);
                db.People.Add(new Person { OrganisationId = org.Id, Name = $"Writer {writer} person {i}" });
                await db.SaveChangesAsync();
            }
        }));

        await using var check = database.CreateContext();
        var result = await new AuditTrail(check, TimeProvider.System).VerifyAsync();
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(20, await check.AuditEntries.CountAsync(e => e.EntityType == nameof(Person)));
    }

    [Fact]
    public async Task Save_AgainstAStaleVersion_IsRefused()
    {
        var (database, org) = await SetUpAsync();
        await using var _ = database;
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Organisations.SingleAsync(o => o.Id == org.Id);
        var b = await second.Organisations.SingleAsync(o => o.Id == org.Id);

        a.Name = "First change";
        await first.SaveChangesAsync();
        b.Name = "Second change";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateContext();
        Assert.Equal("First change", (await check.Organisations.SingleAsync(o => o.Id == org.Id)).Name);
    }

    [Fact]
    public async Task Save_Synchronously_IsNotAllowed()
    {
        var (database, _) = await SetUpAsync();
        await using var __ = database;
        await using var db = database.CreateContext();

        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }
}
