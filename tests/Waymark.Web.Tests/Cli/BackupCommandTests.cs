using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Cli;

/// <summary><c>waymark backup</c> and <c>restore</c>, and commands that read refusing a database that is not there.</summary>
public class BackupCommandTests
{
    [Fact]
    public async Task AuditVerify_OnAMistypedDataFolder_FailsSayingThereIsNoDatabase_AndCreatesNone()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"waymark-no-such-folder-{Guid.NewGuid():N}");

        var run = await WaymarkInProcess.RunAsync("audit", "verify", "--Waymark:Database:Provider=Sqlite", $"--Waymark:DataFolder={folder}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("there is no Waymark database at", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("intact", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "waymark.db")));
    }

    [Fact]
    public async Task Backup_WhileWritesGoOn_RestoresToAnIntactDatabase_AndRestoreRefusesToGoBackUnlessForced()
    {
        await using var database = await WaymarkFactory.FirstStartDatabaseAsync();
        var file = Path.Combine(Path.GetTempPath(), $"waymark-backup-{Guid.NewGuid():N}.backup");
        try
        {
            using var stop = new CancellationTokenSource();
            var count = new int[1];
            var writes = Task.Run(() => WriteUnitsAsync(database, count, stop.Token));
            await UntilAsync(() => Volatile.Read(ref count[0]) >= 5);

            var backup = await WaymarkInProcess.RunAsync(["backup", "--to", file, .. WaymarkProcess.DatabaseOptions(database)]);
            var atBackupEnd = Volatile.Read(ref count[0]);
            await UntilAsync(() => Volatile.Read(ref count[0]) >= atBackupEnd + 5);
            await stop.CancelAsync();
            var written = await writes;

            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.True(written > 0);
            var again = await WaymarkInProcess.RunAsync(["backup", "--to", file, .. WaymarkProcess.DatabaseOptions(database)]);
            Assert.Equal(1, again.ExitCode);

            // The database has gone on since: restoring would lose entries.
            var refused = await WaymarkInProcess.RunAsync(["restore", "--from", file, .. WaymarkProcess.DatabaseOptions(database)]);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains(TestDatabase.Provider == DatabaseProvider.Sqlite ? "further on than the backup" : "--force", refused.Error, StringComparison.Ordinal);

            var restored = await WaymarkInProcess.RunAsync(["restore", "--from", file, "--force", .. WaymarkProcess.DatabaseOptions(database)]);
            Assert.True(restored.ExitCode == 0, restored.Error + restored.Output);
            var verify = await WaymarkInProcess.RunAsync(["audit", "verify", .. WaymarkProcess.DatabaseOptions(database)]);
            Assert.True(verify.ExitCode == 0, verify.Error);

            // Consistent: each unit the backup holds has its audit entry, and it holds fewer than were written.
            await using var db = database.CreateContext();
            var units = await db.Units.IgnoreQueryFilters().CountAsync(u => u.Name.StartsWith("Backup write "));
            var entries = await db.AuditEntries.CountAsync(e => e.EntityType == "Unit" && e.Action == "Created" && e.Summary!.StartsWith("Backup write "));
            Assert.Equal(units, entries);
            Assert.InRange(units, 5, written - 1);
            if (TestDatabase.Provider == DatabaseProvider.Sqlite)
            {
                Assert.Equal("ok", await IntegrityAsync(database));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task UntilAsync(Func<bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "The writes did not go on.");
            await Task.Delay(20);
        }
    }

    /// <summary>Adds units, each in its own audited save, until told to stop; counts them as it goes.</summary>
    private static async Task<int> WriteUnitsAsync(TestDatabase database, int[] count, CancellationToken stop)
    {
        Organisation org;
        await using (var db = database.CreateContext())
        {
            org = await db.Organisations.SingleAsync(o => o.Slug == TestData.Scdc, CancellationToken.None);
        }

        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            var scope = new OrganisationScope();
            scope.Enter(org);
            await using var db = database.CreateContext(scope);
            db.Units.Add(new Unit { OrganisationId = org.Id, Name = $"Backup write {n + 1}" });
            await db.SaveChangesAsync(CancellationToken.None);
            n++;
            Volatile.Write(ref count[0], n);
        }

        return n;
    }

    internal static async Task<string> IntegrityAsync(TestDatabase database)
    {
        await using var connection = new SqliteConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
