namespace Waymark.Bench;

/// <summary>How big a generated county is. <see cref="Large"/> is DESIGN.md §6's "large county".</summary>
public sealed record CountySize(
    string Name, int Units, int Posts, int Indicators, int Years, int Plans, int ActionsPerPlan, int UpdateQuarters, int OwnerIndicators)
{
    /// <summary>25 units, 1,000 posts and accounts, 2,000 indicators with 10 years of values (~236,000), 50 plans of 100 actions.</summary>
    public static CountySize Large { get; } = new("large", 25, 1000, 2000, 10, 50, 100, 4, 200);

    /// <summary>A tenth of it, for a quick look.</summary>
    public static CountySize Small { get; } = new("small", 5, 100, 200, 4, 5, 100, 4, 40);

    /// <summary>Seconds to generate: for the smoke test that keeps the program working.</summary>
    public static CountySize Tiny { get; } = new("tiny", 2, 12, 12, 2, 1, 10, 2, 4);

    public static CountySize? Named(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "large" => Large,
        "small" => Small,
        "tiny" => Tiny,
        _ => null,
    };
}
