using Waymark.Core.Organisations;

namespace Waymark.Core.Performance;

/// <summary>The kinds of exception reports list (DESIGN.md §3 "Exceptions"), in the order a report groups them.</summary>
public enum ExceptionKind
{
    /// <summary>An indicator Red in the period.</summary>
    Red,

    /// <summary>An indicator Red for the organisation's N periods running or more (how long is reported).</summary>
    RedPersisting,

    /// <summary>An indicator Red with no open corrective action linked to it.</summary>
    RedWithoutAction,

    /// <summary>An indicator Amber in the period and the period before.</summary>
    AmberTwice,

    /// <summary>An indicator worse than the period before, two periods running.</summary>
    WorseningTwice,

    /// <summary>An indicator with no value once the deadline for the period has passed.</summary>
    MissingAtDeadline,

    /// <summary>An action past its due month and not completed.</summary>
    OverdueAction,

    /// <summary>A milestone reported missed or late, or past its month and not achieved.</summary>
    MissedMilestone,
}

/// <summary>Which exception kinds an organisation reports (stored as these flags).</summary>
[Flags]
public enum ExceptionKinds
{
    None = 0,
    Red = 1 << ExceptionKind.Red,
    RedPersisting = 1 << ExceptionKind.RedPersisting,
    RedWithoutAction = 1 << ExceptionKind.RedWithoutAction,
    AmberTwice = 1 << ExceptionKind.AmberTwice,
    WorseningTwice = 1 << ExceptionKind.WorseningTwice,
    MissingAtDeadline = 1 << ExceptionKind.MissingAtDeadline,
    OverdueAction = 1 << ExceptionKind.OverdueAction,
    MissedMilestone = 1 << ExceptionKind.MissedMilestone,
    All = Red | RedPersisting | RedWithoutAction | AmberTwice | WorseningTwice | MissingAtDeadline | OverdueAction | MissedMilestone,
}

/// <summary>
/// An organisation's exception settings: which kinds are reported, and N, the periods running an indicator must be Red
/// to be reported as persisting. Every kind is on for a new organisation, with N = 3 (a quarter short of a year).
/// </summary>
public sealed record ExceptionSettings(ExceptionKinds Kinds, int RedPeriods)
{
    /// <summary>The fewest and most periods running that may be set for "Red for N periods".</summary>
    public const int MinRedPeriods = 2;

    public const int MaxRedPeriods = 8;

    public const int DefaultRedPeriods = 3;

    public static ExceptionSettings Default { get; } = new(ExceptionKinds.All, DefaultRedPeriods);

    public static ExceptionSettings For(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new ExceptionSettings(organisation.ExceptionKinds & ExceptionKinds.All, Math.Clamp(organisation.ExceptionRedPeriods, MinRedPeriods, MaxRedPeriods));
    }

    public bool IsOn(ExceptionKind kind) => Kinds.HasFlag(Flag(kind));

    public static ExceptionKinds Flag(ExceptionKind kind) => (ExceptionKinds)(1 << (int)kind);
}
