using Waymark.Core.Indicators;
using Waymark.Core.Performance;
using Waymark.Core.Plans;
using Waymark.Web.Pages.Indicators;

namespace Waymark.Web.Pages.Performance;

/// <summary>How performance rows are shown: the tag colour of an item's status (its words always go with it).</summary>
public static class PerformanceDisplay
{
    public static string TagClass(PerformanceItem item) => item switch
    {
        PerformanceIndicatorRow i => IndicatorDisplay.TagClass(i.Status),
        PerformanceActionRow { Status: ActionStatus.Red or ActionStatus.Overdue } => "govuk-tag govuk-tag--red",
        PerformanceActionRow { Status: ActionStatus.Amber } => "govuk-tag govuk-tag--yellow",
        PerformanceActionRow { Status: ActionStatus.Green or ActionStatus.Complete } => "govuk-tag govuk-tag--green",
        PerformanceMilestoneRow { IsMissed: true } => "govuk-tag govuk-tag--red",
        PerformanceMilestoneRow { Rag: { } rag } => RagClass(rag),
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string TagClass(IndicatorStatus status) => IndicatorDisplay.TagClass(status);

    public static string RagClass(Rag rag) => rag switch
    {
        Rag.Red => "govuk-tag govuk-tag--red",
        Rag.Amber => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--green",
    };

    /// <summary>"% on target" as a whole percentage, or "–" when nothing is judged.</summary>
    public static string Percent(decimal? percent) =>
        percent is { } p ? Math.Round(p, 0, MidpointRounding.AwayFromZero).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "–";
}

/// <summary>What the roll-up panel shows: the roll-up, the period, a heading, and where the period chooser sends the form.</summary>
public sealed record RollUpPanel(PerformanceRollUp RollUp, string PeriodText, string Heading, string TestId);
