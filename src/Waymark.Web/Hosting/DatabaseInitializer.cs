using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Audit;
using Waymark.Core.Demo;
using Waymark.Web.Accounts;

namespace Waymark.Web.Hosting;

/// <summary>
/// At start-up: applies migrations (SQLite by default; PostgreSQL only when configured) and loads
/// the demo councils into an empty database. Runs before the server takes requests.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes, DatabaseSettings settings, IConfiguration configuration, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().Set(null, "Waymark (first start)", "server");
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        if (settings.ShouldMigrateOnStart)
        {
            await WaymarkDatabase.MigrateAsync(db, cancellationToken);
            LogMigrated(logger, settings.Provider);
        }

        if (WaymarkSettings.LoadDemoOnFirstStart(configuration) && !await db.Organisations.AnyAsync(cancellationToken))
        {
            var results = await scope.ServiceProvider.GetRequiredService<DemoLoader>().LoadAllAsync(cancellationToken);
            foreach (var result in results.Where(r => r.Loaded))
            {
                LogDemoLoaded(logger, result.Name);
            }

            var accounts = await scope.ServiceProvider.GetRequiredService<DemoUsers>().EnsureAsync(resetExisting: false, cancellationToken);
            DemoUsers.Print(accounts, Console.Out);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded demo council: {Name}")]
    private static partial void LogDemoLoaded(ILogger logger, string name);
}
