namespace Waymark.Core.Breakdowns;

/// <summary>The words for breakdowns, shared by pages, the API and exports.</summary>
public static class BreakdownWords
{
    /// <summary>"unit" or "place".</summary>
    public static string Kind(BreakdownKind kind) => kind switch
    {
        BreakdownKind.Unit => "unit",
        BreakdownKind.Place => "place",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown breakdown kind."),
    };

    public static bool TryReadKind(string? word, out BreakdownKind kind)
    {
        switch (word?.Trim().ToLowerInvariant())
        {
            case "unit":
                kind = BreakdownKind.Unit;
                return true;
            case "place":
                kind = BreakdownKind.Place;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>"total", "average" or "not-formed": the API's word for how the whole figure is formed.</summary>
    public static string Method(WholeMethod method) => method switch
    {
        WholeMethod.Total => "total",
        WholeMethod.Average => "average",
        WholeMethod.NotFormed => "not-formed",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown method."),
    };

    /// <summary>The sentence the pages show under a breakdown, saying what happens to the whole figure.</summary>
    public static string MethodSentence(WholeMethod method) => method switch
    {
        WholeMethod.Total => "The whole figure for each period is the total of the parts' figures, saved as the indicator's value when the parts are saved.",
        WholeMethod.Average => "The whole figure for each period is the average of the parts' figures (each part counts the same, whatever its size), saved as the indicator's value when the parts are saved.",
        WholeMethod.NotFormed => "The whole figure is not formed from the parts: a percentage, rate, ratio or figure per head cannot be added up or averaged without each part's numerator and denominator. Enter the whole figure on the indicator's value page.",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown method."),
    };
}
