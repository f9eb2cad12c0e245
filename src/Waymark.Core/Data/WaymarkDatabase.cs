using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Waymark.Core.Data;

/// <summary>Chooses and configures the database provider. The one place that knows about both.</summary>
public static class WaymarkDatabase
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(SqliteConnectionString(settings));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(settings.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Waymark:Database:Provider is Postgres but no connection string is set. " +
                        "Set Waymark:Database:ConnectionString (or the environment variable Waymark__Database__ConnectionString).");
                }

                options.UseNpgsql(settings.ConnectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{settings.Provider}'.");
        }
    }

    public static string SqliteConnectionString(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString ?? string.Empty);
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            Directory.CreateDirectory(settings.DataFolder);
            builder.DataSource = Path.Combine(settings.DataFolder, "waymark.db");
        }

        builder.ForeignKeys = true;
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>
    /// Applies pending migrations. For SQLite also switches the file to write-ahead logging, so
    /// readers do not block the writer.
    /// </summary>
    public static async Task MigrateAsync(WaymarkDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
