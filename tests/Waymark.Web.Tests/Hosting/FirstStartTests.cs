using Microsoft.EntityFrameworkCore;
using Waymark.Core.Tests.Support;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Hosting;

/// <summary>
/// The first start (migrate, load the demo councils, create their accounts) run for real, against the copy of it
/// that every other <see cref="WaymarkFactory"/> starts from.
/// </summary>
public class FirstStartTests
{
    private sealed class RealFirstStartFactory : WaymarkFactory
    {
        protected override bool StartsFromFirstStartCopy => false;
    }

    [Fact]
    public async Task StartingOnTheFirstStartsCopy_GivesEveryTableTheRowsARealFirstStartWrites()
    {
        var real = await StartAndCountRowsAsync(new RealFirstStartFactory());
        var copy = await StartAndCountRowsAsync(new WaymarkFactory());

        Assert.True(real["Organisations"] > 0 && real["Users"] > 0 && real["IndicatorValues"] > 0 && real["AuditEntries"] > 0);
        Assert.Equal(real, copy);
    }

    /// <summary>Starts the app on the factory's database, then counts the rows of every table of the model.</summary>
    private static async Task<SortedDictionary<string, long>> StartAndCountRowsAsync(WaymarkFactory factory)
    {
        var lifetime = (IAsyncLifetime)factory;
        await lifetime.InitializeAsync();
        try
        {
            _ = factory.Services;
            return await RowCountsAsync(factory.Database);
        }
        finally
        {
            await lifetime.DisposeAsync();
        }
    }

    private static async Task<SortedDictionary<string, long>> RowCountsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = (await db.Database.SqlQueryRaw<long>(sql).ToListAsync()).Single();
        }

        return counts;
    }
}
