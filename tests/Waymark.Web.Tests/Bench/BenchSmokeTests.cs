using System.Text.Json;
using Waymark.Bench;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Bench;

/// <summary>
/// A tiny run of the benchmark program (bench/Waymark.Bench), so that it keeps working as the app changes: it generates a
/// tiny county on a SQLite file of its own, starts the real server as a process, and measures every page of its list
/// a few times. Its figures are not judged (speed is never asserted by a test); that every page answered is.
/// </summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public sealed class BenchSmokeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("waymark-bench-").FullName;

    [Fact]
    public async Task TinyRun_MeasuresEveryPageAndWrite_WithoutErrors()
    {
        var (options, error) = BenchOptions.Parse(
            ["--size", "tiny", "--requests", "2", "--users", "2", "--seconds", "2", "--import-rows", "20", "--bulk-values", "30", "--out", _folder]);
        Assert.Null(error);
        using var log = new StringWriter();

        var (result, markdown) = await new BenchRunner(options!, log).RunAsync(CancellationToken.None);

        Assert.All(result.Pages, p => Assert.True(p.Timing.Errors == 0, $"{p.Name} ({p.Path}) answered {string.Join(", ", p.Statuses)}\n{log}"));
        Assert.Equal(BenchPages.All(new GeneratedCounty("x", "", new Dictionary<Core.Accounts.Role, string>(), "", [], 1, 1, 0, 0, 0, TimeSpan.Zero),
            Core.Periods.Period.Quarter(2025, 1, 4)).Count, result.Pages.Count);
        Assert.All(result.Writes, w => Assert.True(w.Errors == 0, $"{w.Name}: {w.Note}\n{log}"));
        Assert.Contains(result.Writes, w => w.Name.StartsWith("Import CSV", StringComparison.Ordinal));
        Assert.Contains(result.Writes, w => w.Name.StartsWith("API bulk upsert", StringComparison.Ordinal) && w.Rows == 30);
        Assert.All(result.Load, l => Assert.True(l.Timing.Requests > 0 && l.Timing.Errors == 0, $"{l.Name}: {l.Timing}"));
        Assert.True(result.ColdStartMilliseconds > 0);
        Assert.Contains("| Indicator library (all) |", await File.ReadAllTextAsync(markdown, CancellationToken.None), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(markdown, ".json"), CancellationToken.None));
        Assert.Equal(result.Pages.Count, json.RootElement.GetProperty("pages").GetArrayLength());
        Assert.False(File.Exists(Path.Combine(_folder, "bench-tiny.db")), "the generated database is removed after the run");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
