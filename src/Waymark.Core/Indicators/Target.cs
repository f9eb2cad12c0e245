namespace Waymark.Core.Indicators;

/// <summary>
/// A target for one period: either a number (<see cref="Value"/>) or text as the plan wrote it (<see cref="Text"/>,
/// such as "Set baseline" or "15.3% (tentative baseline - County wide figure)"). A text target is a real, valid
/// target state, not an error (DESIGN.md §2); it is shown as written and gives the status No target (§3).
/// Exactly one of <see cref="Value"/> and <see cref="Text"/> is set.
/// </summary>
public sealed record Target
{
    private Target(decimal? value, string? text)
    {
        Value = value;
        Text = text;
    }

    /// <summary>The numeric target, or null for a text target.</summary>
    public decimal? Value { get; }

    /// <summary>The text target exactly as written, or null for a numeric target.</summary>
    public string? Text { get; }

    public bool IsNumeric => Value.HasValue;

    /// <summary>A numeric target.</summary>
    public static Target Numeric(decimal value) => new(value, null);

    /// <summary>A text target, kept exactly as written. It must contain something other than white space.</summary>
    public static Target OfText(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new Target(null, text);
    }

    public override string ToString() =>
        Text ?? Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
