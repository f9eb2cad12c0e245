namespace Waymark.Core.Indicators.Calculation;

/// <summary>
/// Roll-up indicators calculated from a basket of other indicators for a period. The rules themselves live once, in
/// <see cref="IndicatorRules"/>; these name them where calculations are made.
/// </summary>
public static class RollUp
{
    /// <summary>"% on target" of the basket's statuses: <see cref="IndicatorRules.PercentOnTarget"/>.</summary>
    public static decimal? PercentOnTarget(IEnumerable<IndicatorStatus> statuses) =>
        IndicatorRules.PercentOnTarget(statuses);

    /// <summary>"% improving" of the basket's directions of travel: <see cref="IndicatorRules.PercentImproving"/>.
    /// </summary>
    public static decimal? PercentImproving(IEnumerable<Direction?> directions) =>
        IndicatorRules.PercentImproving(directions);
}
