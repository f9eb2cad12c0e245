using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Bench;

/// <summary>The whole run: generate, start the server, measure, write the report.</summary>
public sealed partial class BenchRunner(BenchOptions options, TextWriter log)
{
    private readonly Dictionary<Who, Session> _sessions = [];

    public async Task<(BenchResult Result, string MarkdownPath)> RunAsync(CancellationToken ct)
    {
        var root = RepositoryRoot();
        var outDir = Path.GetFullPath(options.Out ?? Path.Combine(root, "bench", "results"));
        Directory.CreateDirectory(outDir);
        var database = Database(outDir);
        var result = new BenchResult
        {
            Machine = Machine(), Provider = database.Provider.ToString(), Size = options.Size.Name, Seed = options.Seed,
            StartedAt = DateTimeOffset.UtcNow, LoadAverage = LoadAverage(),
        };

        await using var services = CountyGenerator.Services(database);
        var generator = new CountyGenerator(services, options.Size, options.Seed, log);
        var county = options.Reuse ? await generator.ReuseAsync(ct) : null;
        var reused = county is not null;
        if (county is null)
        {
            log.WriteLine($"Generating a {options.Size.Name} county ({database.Provider}, seed {options.Seed})…");
            county = await generator.GenerateAsync(ct);
        }
        else
        {
            log.WriteLine("Reusing the county already in the database (--reuse): the generation figures are not measured.");
        }

        var (token, auditEntries, organisation) = await PrepareAsync(services, county, ct);
        result.Generation = new GenerationResult(reused, county.Took.TotalSeconds, options.Size.Units, options.Size.Posts, options.Size.Indicators,
            county.Targets, county.Values, options.Size.Plans, county.Actions, auditEntries, county.CpuTook.TotalSeconds);
        log.WriteLine($"{(reused ? "Reused" : "Generated")} in {county.Took.TotalSeconds:F1} s (processor time {county.CpuTook.TotalSeconds:F1} s).");
        if (options.GenerateOnly)
        {
            return (result, await BenchReport.WriteAsync(result, outDir, ct));
        }

        var (app, contentRoot) = AppPath(root);
        log.WriteLine($"Starting {app}…");
        await using var server = await AppServer.StartAsync(app, contentRoot, database, "/" + county.Slug, ct);
        result.ColdStartMilliseconds = server.ColdStart.TotalMilliseconds;
        log.WriteLine($"Cold start to the first page: {server.ColdStart.TotalMilliseconds:F0} ms.");
        try
        {
            await SignInAsync(server.Address, county, token, ct);
            var lastQuarter = Period.QuarterContaining(organisation.Today(TimeProvider.System), organisation.YearStartMonth).Previous();
            var pages = BenchPages.All(county, lastQuarter);
            if (options.Pages.Count > 0)
            {
                await MeasurePagesAsync([.. pages.Where(p => options.Pages.Any(w => p.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))], result, ct);
            }
            else
            {
                await MeasurePagesAsync(pages, result, ct);
                await ImportAsync(services, result, ct);
                await BulkUpsertAsync(services, result, ct);
                await LoadAsync(server.Address, county, BenchPages.Mixed(county, lastQuarter, options.Size.Indicators), result, ct);
            }
        }
        finally
        {
            foreach (var session in _sessions.Values)
            {
                session.Dispose();
            }
        }

        result.PeakRssBytes = server.PeakRssBytes;
        result.ServerWarnings.AddRange(server.Warnings);
        await server.DisposeAsync();
        if (!options.Keep)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().Database.EnsureDeletedAsync(ct);
        }

        var markdown = await BenchReport.WriteAsync(result, outDir, ct);
        return (result, markdown);
    }

    private DatabaseSettings Database(string outDir)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            return new DatabaseSettings { Provider = DatabaseProvider.Postgres, ConnectionString = options.Connection };
        }

        var file = Path.GetFullPath(options.Connection ?? Path.Combine(outDir, $"bench-{options.Size.Name}.db"));
        return new DatabaseSettings { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}", DataFolder = outDir };
    }

    /// <summary>An API token for the performance officer, the values the bulk upsert will change, the trail's length.</summary>
    private static async Task<(string Token, long AuditEntries, Organisation Organisation)> PrepareAsync(ServiceProvider services, GeneratedCounty county, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == county.Slug, ct);
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
        var officer = county.UserNames[Role.PerformanceOfficer].ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedUserName == officer, ct);
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(user.Id, "Benchmark", readOnly: false, 30, ct);
        var entries = await db.AuditEntries.LongCountAsync(ct);
        return (token.Secret, entries, organisation);
    }

    private async Task SignInAsync(Uri address, GeneratedCounty county, string token, CancellationToken ct)
    {
        _sessions[Who.Public] = Session.Anonymous(address);
        _sessions[Who.ApiToken] = Session.WithToken(address, token);
        foreach (var who in Enum.GetValues<Who>())
        {
            if (BenchPages.RoleOf(who) is { } role)
            {
                _sessions[who] = await Session.SignInAsync(address, county.UserNames[role], county.Password, ct);
            }
        }
    }

    private async Task MeasurePagesAsync(IReadOnlyList<BenchPage> pages, BenchResult result, CancellationToken ct)
    {
        foreach (var page in pages)
        {
            var session = _sessions[page.Who];
            // Two warm-up requests: the first compiles the page's queries and views.
            await session.GetAsync(page.Path, ct);
            await session.GetAsync(page.Path, ct);
            var samples = new List<Sample>();
            var budget = Stopwatch.StartNew();
            // A very slow page stops early (after --page-budget seconds, at least 5 requests): the count is reported.
            for (var n = 0; n < options.Requests && (n < 5 || budget.Elapsed.TotalSeconds < options.PageBudgetSeconds); n++)
            {
                samples.Add(await session.GetAsync(page.Path, ct));
            }

            var timing = Timing.Of(samples);
            result.Pages.Add(new PageResult(page.Name, page.Who.ToString(), page.Path, timing, samples.Select(s => s.Status).Distinct().Order().ToList()));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {page.Name,-42} p50 {timing.P50,7:F0} ms  p95 {timing.P95,7:F0} ms  max {timing.Max,7:F0} ms  {timing.Bytes / 1024.0,8:F0} KB  errors {timing.Errors}"));
        }
    }

    private static string Machine()
    {
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "?";
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        var gb = long.TryParse(memory, CultureInfo.InvariantCulture, out var kb) ? $"{kb / 1024.0 / 1024.0:F0} GB" : "?";
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {gb} RAM, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load) ? load : 0;

    /// <summary>The folder holding Waymark.slnx, above this program's own.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Waymark.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from its build output inside the Waymark repository (Waymark.slnx was not found above it).");
    }

    private (string App, string ContentRoot) AppPath(string root)
    {
        var web = Path.Combine(root, "src", "Waymark.Web");
        if (options.App is { } app)
        {
            return (Path.GetFullPath(app), web);
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var path = Path.Combine(web, "bin", configuration, "net10.0", "waymark.dll");
        return File.Exists(path) ? (path, web) : throw new InvalidOperationException($"Build the solution first: {path} is missing.");
    }

    private static double Seconds(Stopwatch clock) => clock.Elapsed.TotalSeconds;
}
