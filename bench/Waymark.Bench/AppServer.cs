using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Waymark.Core.Data;

namespace Waymark.Bench;

/// <summary>
/// The real Waymark server, started as its own process (the <c>waymark</c> executable from its build output) on a
/// loopback port against the generated database, so that its memory and its start-up are its own.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _warnings = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakRssKb;
    private bool _disposed;

    private AppServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _sampler = SampleAsync(_stop.Token);
    }

    public Uri Address { get; }

    /// <summary>From the process start to the first 200 of the county's home page.</summary>
    public TimeSpan ColdStart { get; private set; }

    /// <summary>The most memory the server process held (VmHWM; Linux only, else 0).</summary>
    public long PeakRssBytes => Math.Max(_peakRssKb, ReadStatus("VmHWM")) * 1024;

    /// <summary>Warnings and errors the server logged (thread-pool starvation, EF's query warnings…), first 200.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_warnings)
            {
                return [.. _warnings];
            }
        }
    }

    public static async Task<AppServer> StartAsync(string appPath, string contentRoot, DatabaseSettings database, string firstPage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(appPath)!,
        };
        foreach (var arg in (string[])["exec", appPath, "--urls", address.ToString(), "--contentRoot", contentRoot])
        {
            start.ArgumentList.Add(arg);
        }

        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Waymark__Database__Provider"] = database.Provider.ToString();
        env["Waymark__Database__ConnectionString"] = database.Provider == DatabaseProvider.Sqlite ? WaymarkDatabase.SqliteConnectionString(database) : database.ConnectionString;
        env["Waymark__Database__MigrateOnStart"] = "false";
        env["Waymark__Demo__LoadOnFirstStart"] = "false";
        // Measure the pages, not the limits meant for the open internet or the password hashing of sign-in.
        env["Waymark__Security__SignInAttemptsPerMinute"] = "1000000";
        env["Waymark__Security__ApiRequestsPerMinute"] = "100000000";
        env["Waymark__Security__PasswordHashIterations"] = CountyGenerator.PasswordIterations.ToString(CultureInfo.InvariantCulture);

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Waymark server.");
        var server = new AppServer(process, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Waymark server stopped at start ({process.ExitCode}):\n{string.Join('\n', server.Warnings)}");
            }

            try
            {
                using var response = await client.GetAsync(firstPage, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("The Waymark server did not answer its first page within 5 minutes.");
            }

            await Task.Delay(50, ct);
        }

        server.ColdStart = clock.Elapsed;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        await _sampler;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _stop.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null || !(line.StartsWith("warn", StringComparison.Ordinal) || line.StartsWith("fail", StringComparison.Ordinal) || line.StartsWith("crit", StringComparison.Ordinal) || line.StartsWith("      ", StringComparison.Ordinal)))
        {
            return;
        }

        lock (_warnings)
        {
            if (_warnings.Count < 200)
            {
                _warnings.Add(line.Trim());
            }
        }
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            _peakRssKb = Math.Max(_peakRssKb, ReadStatus("VmHWM"));
            try
            {
                await Task.Delay(500, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A figure of /proc/{pid}/status in kB (0 where there is none).</summary>
    private long ReadStatus(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
