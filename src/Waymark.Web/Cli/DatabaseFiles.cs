using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Waymark.Core.Data;

namespace Waymark.Web.Cli;

/// <summary>Where the database is, whether it is there, and what it holds last (for backups and restores).</summary>
internal static class DatabaseFiles
{
    /// <summary>Why the database cannot be worked on as it is (not there, or never migrated), or null when it can.</summary>
    public static async Task<string?> MissingAsync(WaymarkDbContext db)
    {
        // Asked before anything opens a connection: opening a SQLite file creates it.
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync()
            || !(await db.Database.GetAppliedMigrationsAsync()).Any())
        {
            return $"there is no Waymark database at {Where(db)}. Check Waymark:DataFolder or Waymark:Database:ConnectionString; " +
                   "'waymark migrate' creates a new, empty one.";
        }

        return null;
    }

    /// <summary>The SQLite file, or the PostgreSQL server and database, without any password.</summary>
    public static string Where(WaymarkDbContext db)
    {
        var connection = db.Database.GetConnectionString() ?? "";
        if (db.Database.IsSqlite())
        {
            return Path.GetFullPath(new SqliteConnectionStringBuilder(connection).DataSource);
        }

        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        return $"database {postgres.Database} on {postgres.Host}:{postgres.Port}";
    }

    /// <summary>The last audit entry (number and hash) and the last migration of a SQLite file; nulls where it has none.</summary>
    public static async Task<Mark> MarkAsync(SqliteConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" DESC LIMIT 1),
                   "Id", "Hash", "OccurredAt"
            FROM (SELECT 1) LEFT JOIN (SELECT "Id", "Hash", "OccurredAt" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1) ON 1
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Mark(
            reader.IsDBNull(0) ? null : reader.GetString(0),
            reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : Convert.ToString(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>How far a database has come: its last migration and its last audit entry.</summary>
    internal sealed record Mark(string? LastMigration, long LastEntry, string? LastHash, string? LastEntryAt)
    {
        public override string ToString() =>
            LastEntry == 0 ? $"no audit entries, last migration {LastMigration ?? "none"}"
                : $"{LastEntry:N0} audit entries, the last at {LastEntryAt}, last migration {LastMigration ?? "none"}";
    }
}
