using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Audit;
using Waymark.Core.Organisations;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Audit;

/// <summary>
/// The trail is append-only in the database (triggers), and any change made around the triggers is
/// found by the hash chain: on SQLite and on PostgreSQL (the suite runs on both).
/// </summary>
public class AuditTamperingTests
{
    private static async Task<AuditVerification> VerifyAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await new AuditTrail(db, TimeProvider.System).VerifyAsync();
    }

    [Fact]
    public async Task ChangingAnEntryAroundTheTrigger_IsReportedAtExactlyThatEntry()
    {
        await using var database = await TestDatabase.CreateAsync();
        var count = await AuditTampering.SeedAsync(database);
        var before = await VerifyAsync(database);
        var tampered = count / 2 + 1;

        await AuditTampering.ChangeSummaryBypassingTheTriggerAsync(database, tampered, "Nothing to see here");
        var after = await VerifyAsync(database);

        Assert.True(count >= 4, $"Only {count} entries were written.");
        Assert.True(before.IsIntact, before.Problem);
        Assert.Equal(count, before.EntriesChecked);
        Assert.False(after.IsIntact);
        Assert.Equal(tampered, after.FirstBrokenId);
        Assert.Equal(tampered - 1, after.EntriesChecked);
        Assert.Equal($"Entry {tampered} has been changed since it was written.", after.Problem);
    }

    [Fact]
    public async Task UpdateAndDeleteOnTheTrail_AreRefusedByTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        await AuditTampering.SeedAsync(database);
        await using var db = database.CreateContext();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "Summary" = 'changed' WHERE "Id" = 2"""));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" WHERE "Id" = 2"""));
        var deleteAll = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """));

        Assert.Contains("append-only: UPDATE is not allowed", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only: DELETE is not allowed", delete.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", deleteAll.Message, StringComparison.Ordinal);
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL's TRUNCATE skips row triggers; a statement trigger refuses it too.
            var truncate = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("""TRUNCATE "AuditEntries" """));
            Assert.Contains("append-only: TRUNCATE is not allowed", truncate.Message, StringComparison.Ordinal);
        }

        var verification = await VerifyAsync(database);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal("Housing", await db.AuditEntries.Where(e => e.Id == 3).Select(e => e.Summary).SingleAsync());
    }

    [Fact]
    public async Task AnOrdinaryEdit_AppendsItsEntry_AndTheChainStaysIntact()
    {
        await using var database = await TestDatabase.CreateAsync();
        var count = await AuditTampering.SeedAsync(database);
        var scope = new OrganisationScope();
        await using var db = database.CreateContext(scope);
        scope.Enter(await db.Organisations.SingleAsync(o => o.Slug == "tamper-test"));

        var unit = await db.Units.SingleAsync(u => u.Name == "Waste");
        unit.Name = "Waste and recycling";
        await db.SaveChangesAsync();

        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync();
        var verification = await VerifyAsync(database);
        Assert.Equal(count + 1, last.Id);
        Assert.Equal("Updated", last.Action);
        Assert.Equal("Waste and recycling", last.Summary);
        Assert.Contains("\"before\":\"Waste\"", last.Changes, StringComparison.Ordinal);
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(count + 1, verification.EntriesChecked);
    }
}
