using System.Globalization;
using Waymark.Core.Data;

namespace Waymark.Bench;

/// <summary>The command line of the benchmark (<c>--help</c> lists it).</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        waymark-bench: generates a large county and measures the real Waymark server on it.

          --size tiny|small|large   how big a county (default large: 2,000 indicators, ~236,000 values, 5,000 actions)
          --provider sqlite|postgres (default sqlite)
          --connection TEXT         the database: a SQLite file path, or a PostgreSQL connection string whose database
                                    is dropped and created (default: bench/results/bench.db; for postgres required)
          --seed N                  the generator's seed (default 20261207)
          --requests N              requests per page, single user (default 30)
          --page-budget N           seconds one page may take in all; a slower page stops after it, at 5 requests or
                                    more (default 60)
          --users N                 concurrent simulated users (default 50)
          --seconds N               how long the concurrent run lasts (default 60)
          --import-rows N           rows imported through the import page, in files of at most 5,000 (default 10,000)
          --bulk-values N           values sent to the API's bulk upsert, 1,000 a request (default 100,000)
          --pages TEXT              measure only the pages whose name contains one of these words (comma-separated,
                                    "Round,Return"), then stop: no writes, no concurrent run
          --out DIR                 where the Markdown and JSON go (default bench/results)
          --app PATH                the waymark.dll to run (default: src/Waymark.Web/bin/<configuration>/net10.0/)
          --generate-only           generate the county (kept), report how long it took, measure nothing else
          --keep                    keep the generated database afterwards
          --reuse                   measure the county a kept database already holds (migrated first) instead of
                                    generating it again
        """;

    public CountySize Size { get; init; } = CountySize.Large;
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public string? Connection { get; init; }
    public int Seed { get; init; } = 20261207;
    public int Requests { get; init; } = 30;
    public int PageBudgetSeconds { get; init; } = 60;
    public int Users { get; init; } = 50;
    public int Seconds { get; init; } = 60;
    public int ImportRows { get; init; } = 10_000;
    public int BulkValues { get; init; } = 100_000;
    public string? Out { get; init; }
    public string? App { get; init; }
    public bool Keep { get; init; }
    public bool Reuse { get; init; }
    public bool GenerateOnly { get; init; }

    /// <summary>Words of the page names to measure (<c>--pages</c>); empty: every page, the writes and the concurrent run.</summary>
    public IReadOnlyList<string> Pages { get; init; } = [];

    /// <summary>Reads the arguments; null with a message when they are wrong.</summary>
    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--keep" or "--reuse" or "--generate-only")
            {
                o = name switch
                {
                    "--keep" => o with { Keep = true },
                    "--reuse" => o with { Reuse = true, Keep = true },
                    _ => o with { GenerateOnly = true, Keep = true },
                };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value.");
            }

            var value = args[++i];
            int Number() => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            o = name switch
            {
                "--size" when CountySize.Named(value) is { } size => o with { Size = size },
                "--provider" when value.Equals("sqlite", StringComparison.OrdinalIgnoreCase) => o with { Provider = DatabaseProvider.Sqlite },
                "--provider" when value.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) => o with { Provider = DatabaseProvider.Postgres },
                "--connection" => o with { Connection = value },
                "--seed" when Number() >= 0 => o with { Seed = Number() },
                "--requests" when Number() > 0 => o with { Requests = Number() },
                "--page-budget" when Number() > 0 => o with { PageBudgetSeconds = Number() },
                "--users" when Number() > 0 => o with { Users = Number() },
                "--seconds" when Number() >= 0 => o with { Seconds = Number() },
                "--import-rows" when Number() >= 0 => o with { ImportRows = Number() },
                "--bulk-values" when Number() >= 0 => o with { BulkValues = Number() },
                "--pages" => o with { Pages = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--out" => o with { Out = value },
                "--app" => o with { App = value },
                _ => null!,
            };
            if (o is null)
            {
                return (null, $"Unknown option or value: {name} {value}");
            }
        }

        if (o.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(o.Connection))
        {
            return (null, "--provider postgres needs --connection (its database is dropped and created).");
        }

        return (o, null);
    }
}
