namespace Waymark.Core.Baskets;

/// <summary>The words of baskets in the API and on pages: one list, so that every way in and out reads the same.</summary>
public static class BasketWords
{
    /// <summary>Kind word (API, forms) → kind.</summary>
    public static IReadOnlyDictionary<string, BasketKind> Kinds { get; } = new Dictionary<string, BasketKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["scorecard"] = BasketKind.Scorecard, ["health-card"] = BasketKind.HealthCard, ["other"] = BasketKind.Other,
    };

    /// <summary>Item kind word (API, forms) → kind.</summary>
    public static IReadOnlyDictionary<string, BasketItemKind> ItemKinds { get; } = new Dictionary<string, BasketItemKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["indicator"] = BasketItemKind.Indicator, ["action"] = BasketItemKind.Action, ["milestone"] = BasketItemKind.Milestone,
    };

    public static string Word(BasketKind kind) => Kinds.First(k => k.Value == kind).Key;

    public static string Word(BasketItemKind kind) => ItemKinds.First(k => k.Value == kind).Key;

    /// <summary>"Scorecard", "Health Card", "Other": as a person reads the kind.</summary>
    public static string Name(BasketKind kind) => kind switch
    {
        BasketKind.Scorecard => "Scorecard",
        BasketKind.HealthCard => "Health Card",
        _ => "Other",
    };

    /// <summary>"Indicator", "Action", "Milestone".</summary>
    public static string Name(BasketItemKind kind) => kind switch
    {
        BasketItemKind.Indicator => "Indicator",
        BasketItemKind.Action => "Action",
        _ => "Milestone",
    };
}
