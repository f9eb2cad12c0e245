using Microsoft.EntityFrameworkCore;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Support;

/// <summary>
/// What an attacker with the database owner's rights could do to the audit trail, on whichever
/// provider the run is for; and a small trail to do it to.
/// </summary>
public static class AuditTampering
{
    /// <summary>Migrates the database and makes a few ordinary changes, each of which appends to the trail.</summary>
    public static async Task<long> SeedAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.MigrateAsync();
        var scope = new OrganisationScope();
        await using var db = database.CreateContext(scope);
        var organisation = new Organisation { Name = "Tamper Test Council", ShortName = "Tamper", Slug = "tamper-test" };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        scope.Enter(organisation);
        foreach (var name in new[] { "Planning", "Housing", "Waste", "Leisure" })
        {
            db.Units.Add(new Unit { OrganisationId = organisation.Id, Name = name });
            await db.SaveChangesAsync();
        }

        return await db.AuditEntries.CountAsync();
    }

    /// <summary>
    /// Changes one entry's Summary the way a database superuser could: around the append-only
    /// trigger (SQLite: drop it; PostgreSQL: disable it for the statement, then enable it again).
    /// </summary>
    public static async Task ChangeSummaryBypassingTheTriggerAsync(TestDatabase database, long id, string summary)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEntries_no_update" """);
            await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Summary" = {summary} WHERE "Id" = {id}""");
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEntries" DISABLE TRIGGER "AuditEntries_append_only" """);
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "Summary" = {summary} WHERE "Id" = {id}""");
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEntries" ENABLE TRIGGER "AuditEntries_append_only" """);
        await transaction.CommitAsync();
    }
}
