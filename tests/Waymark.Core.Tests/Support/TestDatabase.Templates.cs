using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Waymark.Core.Data;

namespace Waymark.Core.Tests.Support;

/// <summary>
/// Template databases: built once per test process and template name (by the caller's own code, so that a copy is
/// exactly what that code writes), then copied for every fixture that asks, which is far cheaper than migrating and
/// loading the demo councils each time. SQLite copies the file; PostgreSQL clones with <c>CREATE DATABASE … TEMPLATE</c>.
/// Templates are removed when the tests are done (<see cref="DatabaseTestFramework"/>). On PostgreSQL each process
/// holds an advisory lock for as long as it lives, and its templates carry the lock's key in their name, so a later run
/// drops the ones a killed process left.
/// </summary>
public sealed partial class TestDatabase
{
    private const string TemplatePrefix = "waymark_template_";

    private const string MigratedTemplate = "migrated";

    /// <summary>The advisory-lock class of template owners ("WMTP"), apart from any other use of advisory locks.</summary>
    private const int TemplateLockClass = 0x574D5450;

    private static readonly ConcurrentDictionary<string, Lazy<Task<TestDatabase>>> Templates = new(StringComparer.Ordinal);

    // CREATE DATABASE … TEMPLATE refuses while another session is on the template: clone one at a time.
    private static readonly SemaphoreSlim CloneLock = new(1, 1);

    private static readonly Lazy<Task<int>> PostgresOwnerKey = new(TakeOwnerLockAsync);

    private static readonly Lazy<Task<TestDatabase>> Shared = new(CreateSharedAsync);
    private static NpgsqlConnection? _ownerConnection;

    /// <summary>
    /// A new database that starts as a copy of the template <paramref name="template"/>: on first use in this process,
    /// a fresh database given to <paramref name="build"/> (which migrates and loads it); thread-safe.
    /// </summary>
    public static async Task<TestDatabase> FromTemplateAsync(string template, Func<TestDatabase, Task> build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        ArgumentNullException.ThrowIfNull(build);
        var source = await TemplateAsync(template, build);
        if (Provider == DatabaseProvider.Sqlite)
        {
            var copy = await CreateAsync(template: null);
            File.Copy(SqlitePath(source), SqlitePath(copy));
            return copy;
        }

        await CloneLock.WaitAsync();
        try
        {
            return await CreateAsync(source._postgresName);
        }
        finally
        {
            CloneLock.Release();
        }
    }

    /// <summary>
    /// The one migrated database of this test process, where tests isolate by organisation as Waymark's councils do:
    /// each test creates an organisation of its own (with a <see cref="UniqueSlug"/>) and works in its scope, so that
    /// the rows of other tests running alongside are never in its queries. Far cheaper than a database per test on
    /// PostgreSQL. Disposing it does nothing; it is removed with the templates. A test that reads something global (the
    /// audit trail, usernames, the schema, every organisation) takes a database of its own (<see cref="MigratedAsync"/>).
    /// </summary>
    public static Task<TestDatabase> SharedAsync() => Shared.Value;

    /// <summary>A slug no other organisation in the shared database has: <paramref name="prefix"/> and a random suffix.</summary>
    public static string UniqueSlug(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}";

    private static async Task<TestDatabase> CreateSharedAsync()
    {
        TestDatabase database;
        if (Provider == DatabaseProvider.Sqlite)
        {
            database = await MigratedAsync();
        }
        else
        {
            // Named like a template, so that a later run drops it if this process is killed before it can.
            var source = await TemplateAsync(MigratedTemplate, database => database.MigrateAsync());
            var key = await PostgresOwnerKey.Value;
            var name = string.Create(CultureInfo.InvariantCulture, $"{TemplatePrefix}{key}_shared");
            await CloneLock.WaitAsync();
            try
            {
                await AdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{source._postgresName}\"");
            }
            finally
            {
                CloneLock.Release();
            }

            database = new TestDatabase(PostgresSettings(name), null, name);
        }

        database._shared = true;
        return database;
    }

    private static Task<TestDatabase> TemplateAsync(string template, Func<TestDatabase, Task> build) =>
        Templates.GetOrAdd(template, name => new Lazy<Task<TestDatabase>>(() => BuildTemplateAsync(name, build))).Value;

    private static async Task<TestDatabase> BuildTemplateAsync(string template, Func<TestDatabase, Task> build)
    {
        TestDatabase database;
        if (Provider == DatabaseProvider.Sqlite)
        {
            database = await CreateAsync(template: null);
        }
        else
        {
            var key = await PostgresOwnerKey.Value;
            var name = string.Create(CultureInfo.InvariantCulture, $"{TemplatePrefix}{key}_{template}");
            await AdminAsync($"CREATE DATABASE \"{name}\"");
            database = new TestDatabase(PostgresSettings(name), null, name);
        }

        try
        {
            await build(database);
            await CloseAsync(database);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes every connection to the template, so that it can be copied whole.</summary>
    private static async Task CloseAsync(TestDatabase database)
    {
        if (database._postgresName is { } name)
        {
            // Pooled connections left by the build would stop every clone; nothing connects to a template again.
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
            await AdminAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
            return;
        }

        await CloseSqliteAsync(database);
    }

    /// <summary>Writes the write-ahead log back into the file and closes it, so that the file alone is the whole database.</summary>
    private static async Task CloseSqliteAsync(TestDatabase database)
    {
        var path = SqlitePath(database);
        await using (var connection = new SqliteConnection(WaymarkDatabase.SqliteConnectionString(database.Settings)))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        // The last connection to close removes the log; pooled ones would keep it.
        SqliteConnection.ClearAllPools();
        if (new FileInfo(path + "-wal") is { Exists: true, Length: > 0 })
        {
            throw new InvalidOperationException($"The template {path} is still open: its write-ahead log was not written back.");
        }
    }

    private static string SqlitePath(TestDatabase database) =>
        new SqliteConnectionStringBuilder(database.Settings.ConnectionString).DataSource;

    /// <summary>
    /// Takes this process's owner lock (on a connection of its own, held until the process ends) and drops the
    /// templates whose owner lock nobody holds: left by a run that was killed before it could drop them.
    /// </summary>
    private static async Task<int> TakeOwnerLockAsync()
    {
        var key = Random.Shared.Next(1, int.MaxValue);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresAdmin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await ScalarAsync(connection, $"SELECT pg_advisory_lock({TemplateLockClass}, {key})");
        _ownerConnection = connection;

        var names = new List<string>();
        await using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE starts_with(datname, '{TemplatePrefix}')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            var owner = name[TemplatePrefix.Length..].Split('_')[0];
            if (!int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var other) || other == key
                || !(bool)(await ScalarAsync(connection, $"SELECT pg_try_advisory_lock({TemplateLockClass}, {other})"))!)
            {
                continue;
            }

            await ScalarAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await ScalarAsync(connection, $"SELECT pg_advisory_unlock({TemplateLockClass}, {other})");
        }

        return key;
    }

    private static async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(PostgresAdmin);
        await admin.OpenAsync();
        await ScalarAsync(admin, sql);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Drops this process's templates and releases its owner lock.</summary>
    internal static void RemoveTemplates()
    {
        foreach (var name in Templates.Keys)
        {
            if (Templates.TryRemove(name, out var template) && template.IsValueCreated && template.Value.IsCompletedSuccessfully)
            {
                try
                {
                    template.Value.Result.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
                catch (NpgsqlException)
                {
                    // The server went first; the next run drops what is left (its owner lock is gone with this process).
                }
            }
        }

        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully)
        {
            try
            {
                Shared.Value.Result.DropAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // As for the templates: the next run drops it.
            }
        }

        _ownerConnection?.Dispose();
        _ownerConnection = null;
    }
}
