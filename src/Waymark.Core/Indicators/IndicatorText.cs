namespace Waymark.Core.Indicators;

/// <summary>
/// The words shown for indicator statuses and directions of travel, so that pages, API and exports say the same thing
/// and never rely on colour alone (DESIGN.md §3, §6).
/// </summary>
public static class IndicatorText
{
    /// <summary>"On target", "Slightly off target", "Off target", "No target", "Missing" or "Not due".</summary>
    public static string StatusText(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Green => "On target",
        IndicatorStatus.Amber => "Slightly off target",
        IndicatorStatus.Red => "Off target",
        IndicatorStatus.NoTarget => "No target",
        IndicatorStatus.Missing => "Missing",
        IndicatorStatus.NotDue => "Not due",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown indicator status."),
    };

    /// <summary>"Improving", "No change" or "Worsening". With no comparison value nothing is shown (§3), so a null
    /// direction gives the empty string.</summary>
    public static string DirectionText(Direction? direction) => direction switch
    {
        null => string.Empty,
        Direction.Improving => "Improving",
        Direction.NoChange => "No change",
        Direction.Worsening => "Worsening",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown direction."),
    };
}
