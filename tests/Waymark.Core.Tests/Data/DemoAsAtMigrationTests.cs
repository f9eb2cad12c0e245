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
            before.Organisations.AddRange(
                new Organisation { Name = "Demo Council", ShortName = "Demo", Slug = "demo-council", IsDemo = true },
                new Organisation { Name = "Real Council", ShortName = "Real", Slug = "real-council" });
            await before.SaveChangesAsync();
        }

        await database.MigrateAsync();

        await using var db = database.CreateContext();
        var asAt = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Slug, o => o.AsAt);
        Assert.Equal(new DateOnly(2012, 1, 16), asAt["demo-council"]);
        Assert.Null(asAt["real-council"]);
    }
}
