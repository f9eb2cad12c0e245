using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Waymark.Core.Organisations;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Data;

public class DemoAsAtMigrationTests
{
    [Fact]
    public async Task Migrating_ADatabaseWithDemoCouncilsLoadedEarlier_GivesThemTheDemoDate_AndLeavesRealCouncilsAtToday()
    {
        // Its own database: it is migrated in two steps, with councils added between them.
        await using var database = await TestDatabase.CreateAsync();
        await using (var before = database.CreateContext())
        {
            await before.GetService<IMigrator>().MigrateAsync("20261207090000_OrganisationAsAt");
            // As rows of the schema at that migration: the model has moved on since (later columns).
            foreach (var (name, slug, isDemo) in new[] { ("Demo Council", "demo-council", true), ("Real Council", "real-council", false) })
            {
                await before.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO "Organisations" ("Name", "ShortName", "Slug", "YearStartMonth", "IsDemo", "PublishFramework", "ValuesDueDays", "Version")
                    VALUES ({name}, {name}, {slug}, {4}, {isDemo}, {false}, {30}, {Guid.NewGuid()})
                    """);
            }
        }

        await database.MigrateAsync();

        await using var db = database.CreateContext();
        var asAt = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Slug, o => o.AsAt);
        Assert.Equal(new DateOnly(2012, 1, 16), asAt["demo-council"]);
        Assert.Null(asAt["real-council"]);
    }
}
