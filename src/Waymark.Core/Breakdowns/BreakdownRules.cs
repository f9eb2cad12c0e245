using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Breakdowns;

/// <summary>How an indicator's whole figure is formed from the figures of its breakdown's members.</summary>
public enum WholeMethod
{
    /// <summary>The total of the members' figures: counts and money, summed, snapshot or cumulative.</summary>
    Total,

    /// <summary>The mean of the members' figures: an indicator whose year figure is an average.</summary>
    Average,

    /// <summary>Not formed from the parts: a percentage, rate, ratio or days-per-head total needs the parts' numerators
    /// and denominators, which a breakdown does not hold. The whole figure is entered on the value page as before.</summary>
    NotFormed,
}

/// <summary>The whole figure formed from the members' figures for one period, and how many members had one.</summary>
public sealed record WholeFigure(decimal? Value, WholeMethod Method, int MembersWithValues, int Members)
{
    /// <summary>Every member has a figure for the period.</summary>
    public bool IsComplete => MembersWithValues == Members;
}

/// <summary>
/// The rules of breakdowns: how the whole figure comes from the parts (by the indicator's aggregation,
/// <see cref="Aggregation"/>), and each member's status, judged by <see cref="IndicatorRules"/> through
/// <see cref="IndicatorSeries"/> exactly as the indicator itself is. Plain functions.
/// </summary>
public static class BreakdownRules
{
    /// <summary>
    /// How the whole is formed for an indicator: a percentage, rate or ratio is never formed from its parts (it needs
    /// each part's numerator and denominator, which a breakdown does not hold); otherwise an average indicator's whole
    /// is the mean of its parts, and a summed, snapshot or cumulative count or amount (no unit, number, currency) is
    /// their total; days summed over the year (days lost per head) are a rate too, and not formed.
    /// </summary>
    public static WholeMethod MethodFor(Aggregation aggregation, IndicatorUnit unit) => (aggregation, unit) switch
    {
        (_, IndicatorUnit.Percentage or IndicatorUnit.Rate or IndicatorUnit.Ratio) => WholeMethod.NotFormed,
        (Aggregation.Average, _) => WholeMethod.Average,
        (_, IndicatorUnit.None or IndicatorUnit.Number or IndicatorUnit.Currency) => WholeMethod.Total,
        _ => WholeMethod.NotFormed,
    };

    /// <summary>
    /// The whole figure of one period from the members' figures (null where a member has none): the total or the mean
    /// of those present, rounded to the indicator's decimal places; null when none is present or it is not formed.
    /// </summary>
    public static WholeFigure Whole(IReadOnlyCollection<decimal?> memberValues, Aggregation aggregation, IndicatorUnit unit, int decimalPlaces)
    {
        ArgumentNullException.ThrowIfNull(memberValues);
        var method = MethodFor(aggregation, unit);
        var present = memberValues.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        decimal? value = method == WholeMethod.NotFormed || present.Count == 0 ? null
            : Math.Round(method == WholeMethod.Total ? present.Sum() : present.Sum() / present.Count, decimalPlaces, MidpointRounding.AwayFromZero);
        return new WholeFigure(value, method, present.Count, memberValues.Count);
    }

    /// <summary>
    /// A member's figures as a series of the indicator (the indicator's targets and definition, the member's values), so
    /// that its status and direction come from <see cref="IndicatorRules"/> like the indicator's own.
    /// </summary>
    public static IndicatorSeries MemberSeries(
        Indicator indicator, IReadOnlyList<IndicatorDefinitionVersion> versions, IReadOnlyList<IndicatorTarget> targets,
        IEnumerable<BreakdownValue> memberValues, int yearStartMonth, int valuesDueDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(memberValues);
        var values = memberValues.ToDictionary(v => v.Period, Facts);
        return IndicatorSeries.Build(new SeriesInput(indicator, versions, targets, values), yearStartMonth, valuesDueDays, today);
    }

    /// <summary>A member's status in a period: Missing or Not due when it has no figure, as for the indicator.</summary>
    public static IndicatorStatus StatusIn(IndicatorSeries memberSeries, Period period, DateOnly today, int valuesDueDays)
    {
        ArgumentNullException.ThrowIfNull(memberSeries);
        return memberSeries.In(period).Status
            ?? (IndicatorRules.IsDue(period, valuesDueDays, today) ? IndicatorStatus.Missing : IndicatorStatus.NotDue);
    }

    private static ValueFacts Facts(BreakdownValue v) => new(
        v.Id, v.Value, null, v.Commentary, null, v.EnteredByName ?? "", v.EnteredAt ?? DateTimeOffset.MinValue,
        null, null, v.IsDemonstration, v.Version);
}
