using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Waymark.Core.Data;

/// <summary>
/// Which constraint refused a save, on either database, so that an editor answers "someone else has just…" only for the
/// clash it expects and lets every other database error surface as the fault it is.
/// </summary>
public static class DatabaseErrors
{
    // SQLite's extended result codes: SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_FOREIGNKEY.
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;
    private const int SqliteForeignKey = 787;

    /// <summary>A unique index (or primary key) refused the save: the same thing was added at the same moment.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            SqliteException s => s.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
            PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
            _ => false,
        };
    }

    /// <summary>A foreign key refused the save: a record it points to went, or one pointing to it came, meanwhile.</summary>
    public static bool IsForeignKeyViolation(this DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            SqliteException s => s.SqliteExtendedErrorCode == SqliteForeignKey,
            PostgresException p => p.SqlState == PostgresErrorCodes.ForeignKeyViolation,
            _ => false,
        };
    }
}
