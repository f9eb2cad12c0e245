using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Waymark.Bench;

/// <summary>Writes a run as Markdown (for people, docs/benchmark.md) and JSON (for comparing runs).</summary>
public static class BenchReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<string> WriteAsync(BenchResult result, string folder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = string.Create(CultureInfo.InvariantCulture, $"{result.StartedAt:yyyyMMdd-HHmm}-{result.Provider.ToLowerInvariant()}-{result.Size}");
        var markdown = Path.Combine(folder, name + ".md");
        await File.WriteAllTextAsync(markdown, Markdown(result), ct);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(result, Json), ct);
        return markdown;
    }

    public static string Markdown(BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        void Line(FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"# Waymark benchmark: {result.Size} county on {result.Provider}");
        md.AppendLine();
        Line($"Run {result.StartedAt:yyyy-MM-dd HH:mm} UTC, seed {result.Seed}. Machine: {result.Machine}; load average {result.LoadAverage:F1} at the start.");
        md.AppendLine();
        if (result.Generation is { } g)
        {
            Line($"{(g.Reused ? "Reused from an earlier run (not generated now)" : $"Generated in {g.Seconds:F1} s (processor time {g.CpuSeconds:F1} s)")}: {g.Units:N0} units, {g.Posts:N0} posts and accounts, {g.Indicators:N0} indicators, {g.Targets:N0} targets, {g.Values:N0} values, {g.Plans:N0} plans, {g.Actions:N0} actions, {g.AuditEntries:N0} audit entries.");
            md.AppendLine();
        }

        Line($"Cold start to the first page: {result.ColdStartMilliseconds:N0} ms. Peak memory of the server (RSS): {result.PeakRssBytes / 1024.0 / 1024.0:N0} MB.");
        md.AppendLine();
        Line($"## Single user (target: p95 under {BenchTargets.P95Milliseconds:N0} ms, pages under {BenchTargets.PageBytes / 1024:N0} KB)");
        md.AppendLine();
        md.AppendLine("| page | as | requests | p50 ms | p95 ms | max ms | size KB | errors | |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|---|");
        foreach (var p in result.Pages)
        {
            var flags = string.Join(", ", new[] { p.OverTarget ? "slow" : null, p.TooLarge ? "large" : null }.OfType<string>());
            Line($"| {p.Name} | {p.Who} | {p.Timing.Requests} | {p.Timing.P50:N0} | {p.Timing.P95:N0} | {p.Timing.Max:N0} | {p.Timing.Bytes / 1024.0:N0} | {p.Timing.Errors} | {flags} |");
        }

        md.AppendLine();
        md.AppendLine("## Writes");
        md.AppendLine();
        md.AppendLine("| what | rows | seconds | rows/s | errors | note |");
        md.AppendLine("|---|--:|--:|--:|--:|---|");
        foreach (var w in result.Writes)
        {
            Line($"| {w.Name} | {w.Rows:N0} | {w.Seconds:N1} | {w.RowsPerSecond:N0} | {w.Errors} | {w.Note ?? ""} |");
        }

        md.AppendLine();
        md.AppendLine("## Concurrent users");
        md.AppendLine();
        md.AppendLine("| what | users | seconds | requests | req/s | p50 ms | p95 ms | max ms | errors |");
        md.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var l in result.Load)
        {
            Line($"| {l.Name} | {l.Users} | {l.Seconds:N0} | {l.Timing.Requests:N0} | {l.PerSecond:N1} | {l.Timing.P50:N0} | {l.Timing.P95:N0} | {l.Timing.Max:N0} | {l.Timing.Errors} |");
        }

        if (result.ServerWarnings.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Server warnings (first lines)");
            md.AppendLine();
            foreach (var warning in result.ServerWarnings.Distinct().Take(20))
            {
                md.AppendLine("    " + warning);
            }
        }

        return md.ToString();
    }
}
