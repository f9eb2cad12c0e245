using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Demo;
using Waymark.Web.Hosting;

namespace Waymark.Web.Cli;

/// <summary>
/// The command line. With no command Waymark serves the web app; commands share its composition,
/// so they use the same configuration and code paths. Unrecognised options (such as
/// <c>--urls</c> or <c>--Waymark:Database:Provider=Postgres</c>) pass through to configuration.
/// </summary>
public static class WaymarkCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildCommands();
        var parsed = root.Parse(args);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is InvalidOperationException or DemoDataException or DbUpdateException
                                       or System.Data.Common.DbException or IOException)
        {
            await Console.Error.WriteLineAsync($"waymark: {ex.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
#pragma warning disable CA1031 // The last line of defence: an administrator gets a message, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"waymark: unexpected {ex.GetType().Name}: {ex.Message}");
            return 2;
        }
    }

    internal static RootCommand BuildCommands()
    {
        var root = new RootCommand(
            "Waymark: performance management and service planning for councils. " +
            "With no command, serves the web app.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction(async (parse, ct) =>
        {
            await ServeAsync(Passthrough(parse), ct);
            return 0;
        });

        var serve = new Command("serve", "Serve the web app (the default).") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction(async (parse, ct) =>
        {
            await ServeAsync(Passthrough(parse), ct);
            return 0;
        });
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Apply any pending database migrations, then exit.") { TreatUnmatchedTokensAsErrors = false };
        migrate.SetAction((parse, ct) => MigrateAsync(Passthrough(parse), ct));
        root.Subcommands.Add(migrate);

        var demo = new Command("demo", "Demonstration councils.");
        var load = new Command("load", "Load the demonstration councils that are not in the database yet.") { TreatUnmatchedTokensAsErrors = false };
        load.SetAction((parse, ct) => DemoLoadAsync(Passthrough(parse), ct));
        demo.Subcommands.Add(load);
        var demoUsers = new Command("users", "Issue new one-time passwords for the demo accounts (creating any that are missing) and print them.") { TreatUnmatchedTokensAsErrors = false };
        demoUsers.SetAction((parse, ct) => DemoUsersAsync(Passthrough(parse), ct));
        demo.Subcommands.Add(demoUsers);
        root.Subcommands.Add(demo);

        root.Subcommands.Add(UserCommands.Build(Passthrough));
        root.Subcommands.Add(AuditCommands.Build(Passthrough));
        root.Subcommands.Add(ReminderCommands.Build(Passthrough));
        root.Subcommands.Add(BackupCommands.Backup(Passthrough));
        root.Subcommands.Add(BackupCommands.Restore(Passthrough));
        return root;
    }

    /// <summary>
    /// Builds the app, opens a scope with the command line as the audited actor, and runs the command. A command that
    /// works on data already there (<paramref name="mustExist"/>) refuses a database that does not exist, rather than
    /// create an empty one where a mistyped data folder or connection string points and report on that.
    /// </summary>
    internal static async Task<int> WithScopeAsync(string[] args, Func<IServiceProvider, Task<int>> run, bool mustExist = true)
    {
        await using var app = WaymarkApp.Build(args);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Waymark.Core.Audit.AuditContext>()
            .Set(null, $"command line ({Environment.UserName})", "command line");
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        if (mustExist && await DatabaseFiles.MissingAsync(db) is { } missing)
        {
            await Console.Error.WriteLineAsync($"waymark: {missing}");
            return 1;
        }

        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            if (!settings.ShouldMigrateOnStart)
            {
                await Console.Error.WriteLineAsync("waymark: the database has pending migrations. Run 'waymark migrate' first.");
                return 1;
            }

            await WaymarkDatabase.MigrateAsync(db);
        }

        return await run(scope.ServiceProvider);
    }

    private static Task<int> DemoUsersAsync(string[] args, CancellationToken ct) =>
        WithScopeAsync(args, async services =>
        {
            var accounts = await services.GetRequiredService<Waymark.Web.Accounts.DemoUsers>().EnsureAsync(resetExisting: true, ct);
            if (accounts.Count == 0)
            {
                Console.WriteLine("There are no demo councils in this database. Load them with 'waymark demo load'.");
            }

            Waymark.Web.Accounts.DemoUsers.Print(accounts, Console.Out);
            return 0;
        });

    private static string[] Passthrough(ParseResult parse) => [.. parse.UnmatchedTokens];

    private static async Task ServeAsync(string[] args, CancellationToken ct)
    {
        await using var app = WaymarkApp.Build(args);
        await app.RunAsync(ct);
    }

    private static async Task<int> MigrateAsync(string[] args, CancellationToken ct)
    {
        await using var app = WaymarkApp.Build(args);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await WaymarkDatabase.MigrateAsync(db, ct);
        Console.WriteLine(pending.Count == 0
            ? "The database is up to date: no migrations to apply."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        return 0;
    }

    private static Task<int> DemoLoadAsync(string[] args, CancellationToken ct) =>
        WithScopeAsync(args, async services =>
        {
            foreach (var result in await services.GetRequiredService<DemoLoader>().LoadAllAsync(ct))
            {
                Console.WriteLine(result.Loaded
                    ? $"Loaded {result.Name} ({result.Slug})."
                    : $"Already present, left unchanged: {result.Name} ({result.Slug}).");
            }

            var accounts = await services.GetRequiredService<Waymark.Web.Accounts.DemoUsers>().EnsureAsync(resetExisting: false, ct);
            Waymark.Web.Accounts.DemoUsers.Print(accounts, Console.Out);
            return 0;
        }, mustExist: false);
}
