using Waymark.Core.Demo;

namespace Waymark.Core.Tests.Support;

/// <summary>A migrated database with the demo councils loaded, shared by a test class (read-only use).</summary>
public sealed class DemoDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await Database.MigrateAsync();
        await using var db = Database.CreateContext();
        await new DemoLoader(db).LoadAllAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
