namespace Waymark.Core.Indicators;

/// <summary>Direction of travel against a comparison value, in the indicator's good direction (DESIGN.md §3).</summary>
public enum Direction
{
    Improving,
    NoChange,
    Worsening,
}
