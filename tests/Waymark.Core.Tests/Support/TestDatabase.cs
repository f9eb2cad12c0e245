using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Waymark.Core.Data;
using Waymark.Core.Audit;
using Waymark.Core.Organisations;

namespace Waymark.Core.Tests.Support;

/// <summary>
/// A fresh, empty database for one test or fixture, on the provider the test run is for:
/// <c>WAYMARK_TEST_PROVIDER=postgres</c> (with <c>WAYMARK_TEST_POSTGRES</c>, an administrator
/// connection string) or SQLite (the default). Dropped again on dispose. <see cref="FromTemplateAsync"/>
/// gives one that starts as a copy of a template built once per test process.
/// </summary>
public sealed partial class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _postgresName;

    /// <summary>The process's shared database (<see cref="SharedAsync"/>): disposing it does nothing; it is removed at the end.</summary>
    private bool _shared;

    private TestDatabase(DatabaseSettings settings, string? folder, string? postgresName)
    {
        Settings = settings;
        _folder = folder;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    public static DatabaseProvider Provider =>
        string.Equals(Environment.GetEnvironmentVariable("WAYMARK_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    private static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("WAYMARK_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    public static Task<TestDatabase> CreateAsync() => CreateAsync(template: null);

    /// <summary>A new database: empty, or (on PostgreSQL) created from <paramref name="template"/>. SQLite copies are made by the caller.</summary>
    private static async Task<TestDatabase> CreateAsync(string? template)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "waymark-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var settings = new DatabaseSettings
            {
                Provider = DatabaseProvider.Sqlite,
                DataFolder = folder,
                ConnectionString = $"Data Source={Path.Combine(folder, "waymark.db")}",
            };
            return new TestDatabase(settings, folder, null);
        }

        var name = "waymark_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(PostgresAdmin))
        {
            await admin.OpenAsync();
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await using var create = new NpgsqlCommand(sql, admin);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(PostgresSettings(name), null, name);
    }

    private static DatabaseSettings PostgresSettings(string name) => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString,
    };

    /// <summary>A context on this database, optionally already in an organisation, optionally with an interceptor (to stage a race).</summary>
    public WaymarkDbContext CreateContext(OrganisationScope? scope = null, AuditContext? audit = null, TimeProvider? clock = null, IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<WaymarkDbContext>();
        WaymarkDatabase.Configure(options, Settings);
        if (interceptor is not null)
        {
            options.AddInterceptors(interceptor);
        }

        audit ??= new AuditContext();
        if (audit.UserId is null && audit.Actor == "anonymous")
        {
            audit.Set(null, "test", "tests");
        }

        return new WaymarkDbContext(options.Options, scope ?? new OrganisationScope(), audit, clock ?? TimeProvider.System);
    }

    /// <summary>
    /// A database of the test's own with every migration applied and nothing in it: a copy of a template migrated once
    /// per test process. Only for a test that touches something global (the audit chain, usernames, the schema, a count
    /// of all rows): any other starts in <see cref="SharedAsync"/> with an organisation of its own.
    /// </summary>
    public static Task<TestDatabase> MigratedAsync() => FromTemplateAsync(MigratedTemplate, database => database.MigrateAsync());

    public async Task MigrateAsync()
    {
        await using var db = CreateContext();
        await WaymarkDatabase.MigrateAsync(db);
    }

    public ValueTask DisposeAsync() => _shared ? ValueTask.CompletedTask : DropAsync();

    private async ValueTask DropAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a disposed host; the temp folder is cleaned by the OS.
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresAdmin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
