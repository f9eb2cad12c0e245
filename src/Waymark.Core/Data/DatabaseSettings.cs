namespace Waymark.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where Waymark keeps its data. Bound from configuration section <c>Waymark:Database</c>.</summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Full connection string. Optional for SQLite (defaults to <c>waymark.db</c> in the data
    /// folder); required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file and other local state.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// Apply pending migrations at start-up. Defaults to on for the embedded SQLite database
    /// only: a shared PostgreSQL server is migrated deliberately, with the <c>migrate</c> command.
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;
}
