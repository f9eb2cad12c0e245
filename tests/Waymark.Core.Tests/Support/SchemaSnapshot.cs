using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Tests.Support;

/// <summary>
/// A provider's own description of a database schema, one sorted line per column, index and
/// foreign key, so two databases can be compared line by line.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(WaymarkDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var sql = db.Database.IsSqlite() ? SqliteQuery : PostgresQuery;
            var lines = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(Line(reader));
            }

            lines.Sort(StringComparer.Ordinal);
            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Line(DbDataReader reader) =>
        string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));

    private const string SqliteQuery = """
        SELECT 'column', m.name, c.name, c.type, c."notnull", c.pk, coalesce(c.dflt_value, '')
          FROM sqlite_master m JOIN pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\_\_EF%' ESCAPE '\'
        UNION ALL
        SELECT 'index', m.name, i.name, i."unique", (SELECT group_concat(name, ',') FROM (SELECT ii.name FROM pragma_index_info(i.name) ii ORDER BY ii.seqno)), '', ''
          FROM sqlite_master m JOIN pragma_index_list(m.name) i
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\_\_EF%' ESCAPE '\' AND i.origin = 'c'
        UNION ALL
        SELECT 'fk', m.name, f."from", f."table", f."to", f.on_delete, f.on_update
          FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\_\_EF%' ESCAPE '\'
        UNION ALL
        SELECT 'autoincrement', m.name, '', instr(m.sql, 'AUTOINCREMENT') > 0, '', '', ''
          FROM sqlite_master m
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '\_\_EF%' ESCAPE '\'
        """;

    private const string PostgresQuery = """
        SELECT 'column', c.table_name, c.column_name, c.data_type, coalesce(c.character_maximum_length::text, ''),
               c.is_nullable, c.is_identity || ' ' || coalesce(c.identity_generation, '') || ' ' || coalesce(c.column_default, '')
          FROM information_schema.columns c
         WHERE c.table_schema = 'public' AND c.table_name NOT LIKE '\_\_EF%'
        UNION ALL
        SELECT 'index', i.tablename, i.indexname, i.indexdef, '', '', ''
          FROM pg_indexes i
         WHERE i.schemaname = 'public' AND i.tablename NOT LIKE '\_\_EF%'
        UNION ALL
        SELECT 'constraint', cl.relname, co.conname, pg_get_constraintdef(co.oid), '', '', ''
          FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
         WHERE co.connamespace = 'public'::regnamespace AND cl.relname NOT LIKE '\_\_EF%'
        """;
}
