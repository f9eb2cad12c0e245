namespace Waymark.Core.Indicators;

/// <summary>How <see cref="Tolerance.Amount"/> is read.</summary>
public enum ToleranceKind
{
    /// <summary>A percentage of |target|: 5 means 5% of the target's size.</summary>
    PercentOfTarget,

    /// <summary>An amount in the indicator's own unit: 2 means two units either side.</summary>
    Absolute,
}

/// <summary>
/// An indicator's amber tolerance (DESIGN.md §3): how far off target a value may be and still be Amber rather than Red.
/// Either a percentage of |T| (default 5%) or an absolute amount. Never negative.
/// </summary>
public sealed record Tolerance(ToleranceKind Kind, decimal Amount)
{
    /// <summary>The default tolerance, 5% of the target (DESIGN.md §3).</summary>
    public static Tolerance Default { get; } = new(ToleranceKind.PercentOfTarget, 5m);

    public ToleranceKind Kind { get; init => field = CheckKind(value); } = CheckKind(Kind);

    public decimal Amount { get; init => field = CheckAmount(value); } = CheckAmount(Amount);

    /// <summary>A tolerance of <paramref name="percent"/>% of |target|.</summary>
    public static Tolerance PercentOf(decimal percent) => new(ToleranceKind.PercentOfTarget, percent);

    /// <summary>A tolerance of <paramref name="amount"/> in the indicator's unit.</summary>
    public static Tolerance AbsoluteAmount(decimal amount) => new(ToleranceKind.Absolute, amount);

    /// <summary>The tolerance t in the indicator's unit for target <paramref name="target"/>: a percentage is of |T|,
    /// so a percentage of a zero target is zero (DESIGN.md §3).</summary>
    public decimal For(decimal target) => Kind switch
    {
        ToleranceKind.PercentOfTarget => Math.Abs(target) * Amount / 100m,
        ToleranceKind.Absolute => Amount,
        _ => throw new InvalidOperationException($"Unknown tolerance kind {Kind}."),
    };

    private static ToleranceKind CheckKind(ToleranceKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown tolerance kind.");

    private static decimal CheckAmount(decimal amount) =>
        amount >= 0m ? amount : throw new ArgumentOutOfRangeException(nameof(amount), amount, "A tolerance cannot be negative.");
}
