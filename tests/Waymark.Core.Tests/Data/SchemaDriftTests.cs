using Waymark.Core.Data;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Data;

/// <summary>
/// The hand-written migrations must build exactly the schema the EF model describes, on the
/// provider this run is for. A model change without a migration fails here.
/// </summary>
public class SchemaDriftTests
{
    [Fact]
    public async Task Migrations_BuildTheSameSchemaAsTheModel()
    {
        await using var migrated = await TestDatabase.CreateAsync();
        await using var created = await TestDatabase.CreateAsync();
        await migrated.MigrateAsync();
        await using (var db = created.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        await using var fromMigrations = migrated.CreateContext();
        await using var fromModel = created.CreateContext();
        var expected = await SchemaSnapshot.ReadAsync(fromModel);
        var actual = await SchemaSnapshot.ReadAsync(fromMigrations);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The migrations do not match the model on {TestDatabase.Provider}.\n" +
            $"In the model but not built by the migrations:\n  {string.Join("\n  ", missing)}\n" +
            $"Built by the migrations but not in the model:\n  {string.Join("\n  ", extra)}");
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task Migrate_RunTwice_IsANoOp()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var before = await SchemaSnapshot.ReadAsync(db);

        await WaymarkDatabase.MigrateAsync(db);

        Assert.Equal(before, await SchemaSnapshot.ReadAsync(db));
    }
}
