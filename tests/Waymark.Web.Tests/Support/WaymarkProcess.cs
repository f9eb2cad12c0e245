using System.Diagnostics;
using Waymark.Core.Tests.Support;

namespace Waymark.Web.Tests.Support;

/// <summary>The real <c>waymark</c> executable, run as a process as an administrator would.</summary>
public static class WaymarkProcess
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static async Task<Run> RunAsync(params string[] args)
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
        // Generous: a demo load as a process on two cores shared with the rest of the suite can take minutes. A process
        // that outlives it is a hang, reported with what it printed.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"waymark {string.Join(' ', args)} did not end within 5 minutes:\n{await output}\n{await error}");
        }

        return new Run(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// The real server on a loopback port and a test database (already migrated and loaded), as an installation runs it;
    /// what it writes to its error output goes to <paramref name="errors"/>. The caller kills it.
    /// </summary>
    public static Process StartServer(TestDatabase database, int port, System.Text.StringBuilder errors, params string[] options)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "waymark.dll"), $"--urls=http://127.0.0.1:{port}",
                     .. DatabaseOptions(database), "--Waymark:Demo:LoadOnFirstStart=false", "--Logging:LogLevel:Default=Warning", .. options])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("Waymark__Database__Provider");
        start.Environment.Remove("Waymark__Database__ConnectionString");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A port of 127.0.0.1 that nothing listens on.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The options that point the executable at a test database.</summary>
    public static string[] DatabaseOptions(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return
        [
            $"--Waymark:Database:Provider={database.Settings.Provider}",
            $"--Waymark:Database:ConnectionString={database.Settings.ConnectionString}",
        ];
    }
}
