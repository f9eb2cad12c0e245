using Microsoft.EntityFrameworkCore;
using Waymark.Core.Tests;
using Waymark.Core.Tests.Support;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Cli;

/// <summary>
/// The command line as an administrator would use it: run in the test process through its entry point
/// (<see cref="WaymarkInProcess"/>), and once as the real executable in a process of its own (<c>--help</c>).
/// </summary>
public class CliTests
{
    private static Task<WaymarkProcess.Run> WaymarkAsync(params string[] args) => WaymarkInProcess.RunAsync(args);

    private static string[] Database(TestDatabase database) => WaymarkProcess.DatabaseOptions(database);

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var run = await WaymarkProcess.RunAsync("--help"); // the smoke test of the real executable

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("migrate", run.Output, StringComparison.Ordinal);
        Assert.Contains("demo", run.Output, StringComparison.Ordinal);
        Assert.Contains("serve", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWaymarkScript_AtTheRepositoryRoot_RunsTheCommandLine()
    {
        // The script the README gives; the build the tests run on, so that it does not build again.
        var start = new System.Diagnostics.ProcessStartInfo(RepositoryFiles.PathOf("waymark"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("--help");
        start.Environment["WAYMARK_CONFIGURATION"] = "Release";
        start.Environment["WAYMARK_NO_BUILD"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("migrate", await output, StringComparison.Ordinal);
        Assert.Contains("demo", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_FailsWithAMessage()
    {
        var run = await WaymarkAsync("demo", "unload");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("unload", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_ThenDemoLoad_ThenDemoLoadAgain()
    {
        await using var database = await TestDatabase.CreateAsync();

        var migrate = await WaymarkAsync(["migrate", .. Database(database)]);
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Matches(@"Applied \d+ migration\(s\): 20261122100000_InitialCreate", migrate.Output);

        var again = await WaymarkAsync(["migrate", .. Database(database)]);
        Assert.Contains("up to date", again.Output, StringComparison.Ordinal);

        var load = await WaymarkAsync(["demo", "load", .. Database(database)]);
        Assert.True(load.ExitCode == 0, load.Error);
        Assert.Contains("Loaded South Cambridgeshire District Council (south-cambridgeshire).", load.Output, StringComparison.Ordinal);
        Assert.Contains("Loaded Stockton-on-Tees Borough Council (stockton-on-tees).", load.Output, StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(2, await db.Organisations.CountAsync());
        }

        var reload = await WaymarkAsync(["demo", "load", .. Database(database)]);
        Assert.Equal(0, reload.ExitCode);
        Assert.Contains("Already present, left unchanged: South Cambridgeshire District Council", reload.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_WithoutAConnectionString_FailsWithAClearMessage()
    {
        var run = await WaymarkAsync("migrate", "--Waymark:Database:Provider=Postgres");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no connection string is set", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoLoad_OnAnUnmigratedSharedDatabase_AsksForMigrateFirst()
    {
        await using var database = await TestDatabase.CreateAsync();

        var run = await WaymarkAsync(["demo", "load", .. Database(database), "--Waymark:Database:MigrateOnStart=false"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Run 'waymark migrate' first", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserCreate_PrintsAOneTimePasswordThatMustBeChanged_AndResetIssuesANewOne()
    {
        // Migrating and loading the demo by the command line are tested above; this starts from a copy of that state.
        await using var database = await WaymarkFactory.FirstStartDatabaseAsync();

        var create = await WaymarkAsync(["user", "create", "--username", "first.admin@council.test", "--name", "First Admin", "--organisation", "stockton-on-tees", .. Database(database)]);
        var reset = await WaymarkAsync(["user", "reset-password", "--username", "first.admin@council.test", .. Database(database)]);
        var duplicate = await WaymarkAsync(["user", "create", "--username", "first.admin@council.test", "--name", "Again", "--organisation", "stockton-on-tees", .. Database(database)]);
        var unknownOrg = await WaymarkAsync(["user", "create", "--username", "x@council.test", "--name", "X", "--organisation", "nowhere", .. Database(database)]);

        Assert.True(create.ExitCode == 0, create.Error);
        var first = System.Text.RegularExpressions.Regex.Match(create.Output, "One-time password: (?<p>[a-z2-9-]{24})").Groups["p"].Value;
        var second = System.Text.RegularExpressions.Regex.Match(reset.Output, ": (?<p>[a-z2-9-]{24})").Groups["p"].Value;
        Assert.NotEmpty(first);
        Assert.NotEmpty(second);
        Assert.NotEqual(first, second);
        await using (var db = database.CreateContext())
        {
            var user = await db.Users.Include(u => u.Memberships).IgnoreQueryFilters().SingleAsync(u => u.UserName == "first.admin@council.test");
            Assert.True(user.MustChangePassword);
            Assert.Equal(Waymark.Core.Accounts.Role.Administrator, Assert.Single(user.Memberships).Role);
            Assert.DoesNotContain(first, user.PasswordHash!, StringComparison.Ordinal);
        }

        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("already an account", duplicate.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknownOrg.ExitCode);
        Assert.Contains("There is no organisation 'nowhere'", unknownOrg.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoLoad_PrintsRandomPasswordsForTheDemoAccounts_AndDemoUsersReissuesThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await WaymarkAsync(["migrate", .. Database(database)])).ExitCode);

        var load = await WaymarkAsync(["demo", "load", .. Database(database)]);
        var again = await WaymarkAsync(["demo", "users", .. Database(database)]);

        var pattern = new System.Text.RegularExpressions.Regex(@"administrator@south-cambridgeshire\.demo\s+(?<p>[a-z2-9-]{24})");
        var first = pattern.Match(load.Output).Groups["p"].Value;
        var second = pattern.Match(again.Output).Groups["p"].Value;
        Assert.NotEmpty(first);
        Assert.NotEmpty(second);
        Assert.NotEqual(first, second);
        Assert.Contains("lead-officer@stockton-on-tees.demo", again.Output, StringComparison.Ordinal);
    }
}
