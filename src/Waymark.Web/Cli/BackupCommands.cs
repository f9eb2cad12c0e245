using System.CommandLine;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Audit;
using Waymark.Core.Data;

namespace Waymark.Web.Cli;

/// <summary>
/// <c>waymark backup --to FILE</c> and <c>waymark restore --from FILE</c>. On SQLite both use SQLite's online backup
/// through SQLite itself: a backup taken while the app runs copies one consistent moment (in write-ahead-log mode writes
/// go on meanwhile, and none is half in). On PostgreSQL they run pg_dump and pg_restore, which must be on the PATH.
/// </summary>
internal static class BackupCommands
{
    public static Command Backup(Func<ParseResult, string[]> passthrough)
    {
        var to = new Option<FileInfo>("--to") { Description = "The file to write the backup to.", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it is there already." };
        var command = new Command("backup", "Copy the database to a file, consistently, while Waymark runs.") { to, force };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => WaymarkCli.WithScopeAsync(passthrough(parse), async services =>
        {
            var db = services.GetRequiredService<WaymarkDbContext>();
            var file = parse.GetValue(to)!;
            if (file.Exists && !parse.GetValue(force))
            {
                await Console.Error.WriteLineAsync($"waymark: {file.FullName} is there already: choose another file, or add --force to overwrite it.");
                return 1;
            }

            if (!db.Database.IsSqlite())
            {
                return await PostgresAsync("pg_dump", ["--format=custom", "--no-owner", $"--file={file.FullName}"], db, ct);
            }

            file.Delete();
            await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
            await using (var target = new SqliteConnection(FileConnection(file.FullName, SqliteOpenMode.ReadWriteCreate)))
            {
                await source.OpenAsync(ct);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
                Console.WriteLine($"Backed up {DatabaseFiles.Where(db)} to {file.FullName}: {await DatabaseFiles.MarkAsync(target, ct)}.");
            }

            return 0;
        }));
        return command;
    }

    public static Command Restore(Func<ParseResult, string[]> passthrough)
    {
        var from = new Option<FileInfo>("--from") { Description = "The backup file to restore.", Required = true };
        var force = new Option<bool>("--force") { Description = "Restore even when the database has audit entries the backup does not (they are lost)." };
        var command = new Command("restore", "Replace the database with a backup (stop Waymark first). Refuses to replace a database that is further on than the backup, unless --force.") { from, force };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => WaymarkCli.WithScopeAsync(passthrough(parse), async services =>
        {
            var db = services.GetRequiredService<WaymarkDbContext>();
            var file = parse.GetValue(from)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"waymark: there is no backup file {file.FullName}.");
                return 1;
            }

            if (!db.Database.IsSqlite())
            {
                // pg_restore cannot tell how far a dump has come before restoring it: the administrator decides.
                if (!parse.GetValue(force))
                {
                    await Console.Error.WriteLineAsync("waymark: on PostgreSQL a restore replaces the database without comparing it with the backup: add --force to go ahead.");
                    return 1;
                }

                return await PostgresAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", file.FullName], db, ct);
            }

            await using var backup = new SqliteConnection(FileConnection(file.FullName, SqliteOpenMode.ReadOnly));
            await backup.OpenAsync(ct);
            DatabaseFiles.Mark mark;
            try
            {
                mark = await DatabaseFiles.MarkAsync(backup, ct);
            }
            catch (SqliteException ex)
            {
                await Console.Error.WriteLineAsync($"waymark: {file.FullName} is not a Waymark backup ({ex.Message}).");
                return 1;
            }

            if (await WhyNotAsync(db, mark, parse.GetValue(force), ct) is { } refusal)
            {
                await Console.Error.WriteLineAsync($"waymark: {refusal}");
                return 1;
            }

            await using (var target = new SqliteConnection(db.Database.GetConnectionString()))
            {
                await target.OpenAsync(ct);
                backup.BackupDatabase(target);
            }

            SqliteConnection.ClearAllPools();
            await WaymarkDatabase.MigrateAsync(db, ct);
            var verified = await services.GetRequiredService<AuditTrail>().VerifyAsync(ct);
            Console.WriteLine($"Restored {file.FullName} to {DatabaseFiles.Where(db)}: {mark}.");
            Console.WriteLine(verified.IsIntact
                ? $"The audit trail is intact: {verified.EntriesChecked} entries checked."
                : $"The audit trail is broken at entry {verified.FirstBrokenId}: {verified.Problem}");
            return verified.IsIntact ? 0 : 3;
        }, mustExist: false));
        return command;
    }

    /// <summary>Why the backup must not replace the database: it is further on (or went another way), or newer than this Waymark.</summary>
    private static async Task<string?> WhyNotAsync(WaymarkDbContext db, DatabaseFiles.Mark backup, bool force, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().LastOrDefault();
        if (backup.LastMigration is null)
        {
            return "the file is not a Waymark backup (it has no migrations).";
        }

        if (string.CompareOrdinal(backup.LastMigration, known) > 0)
        {
            return $"the backup was made by a newer version of Waymark (migration {backup.LastMigration}): restore it with that version.";
        }

        if (force || await DatabaseFiles.MissingAsync(db) is not null)
        {
            return null;
        }

        await using var current = new SqliteConnection(db.Database.GetConnectionString());
        await current.OpenAsync(ct);
        var now = await DatabaseFiles.MarkAsync(current, ct);
        var same = now.LastEntry == backup.LastEntry && now.LastHash == backup.LastHash;
        return now.LastEntry < backup.LastEntry || same ? null
            : $"the database is further on than the backup (database: {now}; backup: {backup}). " +
              "Restoring would lose what was recorded since: add --force to restore anyway.";
    }

    private static string FileConnection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    /// <summary>Runs pg_dump or pg_restore against Waymark's PostgreSQL database, its password passed in the environment.</summary>
    private static async Task<int> PostgresAsync(string tool, string[] arguments, WaymarkDbContext db, CancellationToken ct)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var start = new ProcessStartInfo(tool) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add($"--dbname={settings.Database}");
        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = settings.Username;
        if (settings.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process = null;
        }

        if (process is null)
        {
            await Console.Error.WriteLineAsync($"waymark: {tool} is not on the PATH. Install the PostgreSQL client tools of the server's version (docs/operations.md).");
            return 1;
        }

        using (process)
        {
            await process.WaitForExitAsync(ct);
            Console.WriteLine(process.ExitCode == 0 ? $"{tool} finished for {DatabaseFiles.Where(db)}." : $"{tool} failed (exit code {process.ExitCode}).");
            return process.ExitCode == 0 ? 0 : 1;
        }
    }
}
