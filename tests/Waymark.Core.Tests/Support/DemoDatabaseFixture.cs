using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Demo;
using Waymark.Core.Organisations;

namespace Waymark.Core.Tests.Support;

/// <summary>
/// A migrated database with the demo councils loaded, shared by a test class (read-only use): a copy of a template
/// migrated and loaded once per test run.
/// </summary>
public sealed class DemoDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.FromTemplateAsync("demo", LoadAsync);

    private static async Task LoadAsync(TestDatabase database)
    {
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        await new DemoLoader(db).LoadAllAsync();
    }

    /// <summary>A context already in the demo council <paramref name="slug"/>, and that council.</summary>
    public async Task<(WaymarkDbContext Db, Organisation Org)> EnterAsync(string slug)
    {
        var scope = new OrganisationScope();
        var db = Database.CreateContext(scope);
        var org = await db.Organisations.SingleAsync(o => o.Slug == slug);
        scope.Enter(org);
        return (db, org);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
