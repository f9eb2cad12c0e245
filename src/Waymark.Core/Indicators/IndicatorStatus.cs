namespace Waymark.Core.Indicators;

/// <summary>An indicator's status for one period (DESIGN.md §3). Shown in words, never by colour alone: see
/// <see cref="IndicatorText.StatusText"/>.</summary>
public enum IndicatorStatus
{
    /// <summary>On target.</summary>
    Green,

    /// <summary>Off target, but within the amber tolerance.</summary>
    Amber,

    /// <summary>Off target by more than the tolerance.</summary>
    Red,

    /// <summary>A value, but nothing to judge it against: data only, no target, or a text target.</summary>
    NoTarget,

    /// <summary>No value, and the period's deadline has passed.</summary>
    Missing,

    /// <summary>No value, and it is not yet due.</summary>
    NotDue,
}
