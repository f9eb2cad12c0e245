namespace Waymark.Bench;

/// <summary>Figures of a set of requests: percentiles in milliseconds, the largest body, errors.</summary>
public sealed record Timing(int Requests, double P50, double P95, double Max, long Bytes, int Errors)
{
    public static Timing Of(IReadOnlyCollection<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return new Timing(0, 0, 0, 0, 0, 0);
        }

        var sorted = samples.Select(s => s.Milliseconds).Order().ToArray();
        return new Timing(samples.Count, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1],
            samples.Max(s => s.Bytes), samples.Count(s => s.Failed));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

public sealed record PageResult(string Name, string Who, string Path, Timing Timing, IReadOnlyList<int> Statuses)
{
    /// <summary>The single-user target: p95 under 300 ms on the large county.</summary>
    public bool OverTarget => Timing.P95 >= BenchTargets.P95Milliseconds;

    public bool TooLarge => Timing.Bytes > BenchTargets.PageBytes;
}

/// <summary>Many users at once for a while: how many requests a second the server answered, and how fast.</summary>
public sealed record LoadResult(string Name, int Users, double Seconds, Timing Timing)
{
    public double PerSecond => Seconds <= 0 ? 0 : Timing.Requests / Seconds;
}

/// <summary>A write of many rows (an import, a bulk upsert): how long and how many rows a second.</summary>
public sealed record WriteResult(string Name, int Rows, double Seconds, int Errors, string? Note)
{
    public double RowsPerSecond => Seconds <= 0 ? 0 : Rows / Seconds;
}

/// <summary>How the county was made: seconds by the clock, and (CpuSeconds) the processor time the generator itself used.</summary>
public sealed record GenerationResult(bool Reused, double Seconds, int Units, int Posts, int Indicators, int Targets, int Values, int Plans, int Actions, long AuditEntries,
    double CpuSeconds = 0);

public sealed class BenchResult
{
    public required string Machine { get; init; }
    public required string Provider { get; init; }
    public required string Size { get; init; }
    public required int Seed { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public double LoadAverage { get; set; }
    public GenerationResult? Generation { get; set; }
    public double ColdStartMilliseconds { get; set; }
    public long PeakRssBytes { get; set; }
    public List<PageResult> Pages { get; } = [];
    public List<WriteResult> Writes { get; } = [];
    public List<LoadResult> Load { get; } = [];
    public List<string> ServerWarnings { get; } = [];
}

public static class BenchTargets
{
    public const double P95Milliseconds = 300;
    public const long PageBytes = 500 * 1024;
}
