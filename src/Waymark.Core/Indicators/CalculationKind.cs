namespace Waymark.Core.Indicators;

/// <summary>
/// How an indicator's value for a period is formed: entered by hand, or calculated from other indicators' values for
/// the same period. A calculated value is never typed in, so the page shows where it came from instead of a field.
/// </summary>
public enum CalculationKind
{
    /// <summary>Not calculated: the value is entered.</summary>
    None,

    /// <summary>From a formula over other indicators' values, e.g. "A / B × 100"
    /// (<see cref="Calculation.Formula"/>).</summary>
    Formula,

    /// <summary>"% on target" of the indicators in a basket (<see cref="IndicatorRules.PercentOnTarget"/>).</summary>
    PercentOnTarget,

    /// <summary>"% improving" of the indicators in a basket (<see cref="IndicatorRules.PercentImproving"/>).</summary>
    PercentImproving,
}
