using System.Globalization;
using Waymark.Core.Indicators;
using Waymark.Core.Performance;
using Waymark.Core.Plans;
using Waymark.Web.Pages.Indicators;

namespace Waymark.Web.Pages.Baskets;

/// <summary>How basket pages put counts and statuses into words and colours (the words always go with the colour).</summary>
public static class BasketDisplay
{
    /// <summary>The indicator statuses in the order the roll-up lists them.</summary>
    public static IReadOnlyList<IndicatorStatus> IndicatorStatuses { get; } =
        [IndicatorStatus.Green, IndicatorStatus.Amber, IndicatorStatus.Red, IndicatorStatus.NoTarget, IndicatorStatus.Missing, IndicatorStatus.NotDue];

    /// <summary>"12 indicators, 3 actions", or "Nothing yet".</summary>
    public static string Holds(int indicators, int actions, int milestones)
    {
        var parts = new[] { Count(indicators, "indicator"), Count(actions, "action"), Count(milestones, "milestone") }
            .Where(p => p is not null).ToList();
        return parts.Count == 0 ? "Nothing yet" : string.Join(", ", parts);
    }

    /// <summary>"green", "no-target": the status's word in the API, for test ids.</summary>
    public static string Key(IndicatorStatus status) => IndicatorWords.Word(status);

    public static string TagClass(IndicatorStatus status) => IndicatorDisplay.TagClass(status);

    /// <summary>The colour of a row's status.</summary>
    public static string TagClass(PerformanceItem item) => item switch
    {
        PerformanceIndicatorRow i => IndicatorDisplay.TagClass(i.Status),
        PerformanceActionRow { Status: ActionStatus.Red or ActionStatus.Overdue } => RagClass(Rag.Red),
        PerformanceActionRow { Status: ActionStatus.Amber } => RagClass(Rag.Amber),
        PerformanceActionRow { Status: ActionStatus.Green or ActionStatus.Complete } => RagClass(Rag.Green),
        PerformanceMilestoneRow { IsMissed: true } => RagClass(Rag.Red),
        PerformanceMilestoneRow { Rag: { } rag } => RagClass(rag),
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>The colour of a row's year-end forecast status.</summary>
    public static string ForecastTagClass(PerformanceItem item) => item switch
    {
        PerformanceIndicatorRow { Forecast: { } f } => IndicatorDisplay.TagClass(f.Status),
        PerformanceActionRow { Forecast: { } f } => RagClass(f.Rag),
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>"% on target" as a whole percentage, or "–" when nothing is judged.</summary>
    public static string Percent(decimal? percent) =>
        percent is { } p ? Math.Round(p, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>"3 on target, 1 slightly off, 2 off target; 50% on target": a group's roll-up in one line.</summary>
    public static string GroupSummary(PerformanceRollUp rollUp)
    {
        ArgumentNullException.ThrowIfNull(rollUp);
        var i = rollUp.Indicators;
        return string.Create(CultureInfo.InvariantCulture,
            $"{i.Green} on target, {i.Amber} slightly off target, {i.Red} off target; {Percent(i.PercentOnTarget)} on target");
    }

    private static string RagClass(Rag rag) => rag switch
    {
        Rag.Red => "govuk-tag govuk-tag--red",
        Rag.Amber => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--green",
    };

    private static string? Count(int n, string noun) =>
        n == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
