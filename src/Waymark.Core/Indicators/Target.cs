namespace Waymark.Core.Indicators;

/// <summary>How a target is set: a level to reach, or an improvement on last year's figure.</summary>
public enum TargetKind
{
    /// <summary>A level: a number, or text as the plan wrote it.</summary>
    Level = 0,

    /// <summary>
    /// At least an amount better than the same period last year (Stockton: "a reduction of at least 0.5 days lost per
    /// FTE"); it becomes a number once last year's figure is known (<see cref="IndicatorRules.Resolve"/>).
    /// </summary>
    BetterThanLastYear = 1,
}

/// <summary>
/// A target for one period: a number (<see cref="Value"/>), text as the plan wrote it (<see cref="Text"/>, such as
/// "Set baseline" or "15.3% (tentative baseline - County wide figure)"), or an improvement on last year's figure
/// (<see cref="BetterBy"/>). A text target is a real, valid target state, not an error (DESIGN.md §2); it is shown as
/// written and gives the status No target (§3). A relative target judges a value only once it is resolved to a number
/// against last year's figure (<see cref="IndicatorRules.Resolve"/>). Exactly one of the three is set.
/// </summary>
public sealed record Target
{
    private Target(decimal? value, string? text, decimal? betterBy)
    {
        Value = value;
        Text = text;
        BetterBy = betterBy;
    }

    /// <summary>The numeric target, or null for a text or relative target.</summary>
    public decimal? Value { get; }

    /// <summary>The text target exactly as written, or null for a numeric or relative target.</summary>
    public string? Text { get; }

    /// <summary>For a relative target, how much better than last year's figure (at least); else null.</summary>
    public decimal? BetterBy { get; }

    public bool IsNumeric => Value.HasValue;

    public bool IsRelative => BetterBy.HasValue;

    /// <summary>A numeric target.</summary>
    public static Target Numeric(decimal value) => new(value, null, null);

    /// <summary>A text target, kept exactly as written. It must contain something other than white space.</summary>
    public static Target OfText(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new Target(null, text, null);
    }

    /// <summary>At least <paramref name="amount"/> better than last year's figure; the amount is not negative.</summary>
    public static Target BetterThanLastYear(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        return new Target(null, null, amount);
    }

    public override string ToString() =>
        Text ?? (BetterBy is { } by ? "at least " + by.ToString(System.Globalization.CultureInfo.InvariantCulture) + " better than last year"
            : Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
