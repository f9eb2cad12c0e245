using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Tests.Support;

namespace Waymark.Web.Tests.Cli;

/// <summary>The real executable, run as a process, as an administrator would.</summary>
public class CliTests
{
    private sealed record Run(int ExitCode, string Output, string Error);

    private static async Task<Run> WaymarkAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "waymark.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Quiet logs, and nothing from the developer's environment decides the database.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("Waymark__Database__Provider");
        start.Environment.Remove("Waymark__Database__ConnectionString");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }

    private static string[] Database(TestDatabase database) =>
    [
        $"--Waymark:Database:Provider={database.Settings.Provider}",
        $"--Waymark:Database:ConnectionString={database.Settings.ConnectionString}",
    ];

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var run = await WaymarkAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("migrate", run.Output, StringComparison.Ordinal);
        Assert.Contains("demo", run.Output, StringComparison.Ordinal);
        Assert.Contains("serve", run.Output, StringComparison.Ordinal);
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
}
