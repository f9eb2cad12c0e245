namespace Waymark.Bench;

/// <summary>The benchmark of DESIGN.md §6: generate a large county, measure the real server on it (docs/benchmark.md).</summary>
public static class BenchProgram
{
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Contains("--help") || args.Contains("-h"))
        {
            await output.WriteLineAsync(BenchOptions.Usage);
            return 0;
        }

        var (options, error) = BenchOptions.Parse(args);
        if (options is null)
        {
            await output.WriteLineAsync($"waymark-bench: {error}\n\n{BenchOptions.Usage}");
            return 1;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var (_, markdown) = await new BenchRunner(options, output).RunAsync(cancel.Token);
        await output.WriteLineAsync($"Written: {markdown} (and .json beside it)");
        return 0;
    }
}
