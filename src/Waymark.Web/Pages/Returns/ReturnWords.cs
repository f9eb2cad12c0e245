using System.Globalization;
using Waymark.Core.Returns;
using Waymark.Core.Rounds;

namespace Waymark.Web.Pages.Returns;

/// <summary>The items table of a return, as the owner (with links to enter each item) or the manager sees it.</summary>
public sealed record ReturnItemsTable(ReturnView View, string OrgPath, int YearStartMonth, bool OwnerLinks, string Caption, string TestId)
{
    /// <summary>Where the owner enters an item (the existing value, action progress and milestone progress forms), coming
    /// back to My return from a value or a milestone; null when it has no page of its own here.</summary>
    public string? EntryUrl(ReturnItemView item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var back = Uri.EscapeDataString($"{OrgPath}/my-return/{View.Round.Id}");
        return item.Item.Kind switch
        {
            RoundItemKind.RiskReview => $"{OrgPath}/risks/{item.Item.RiskId}/review",
            RoundItemKind.IndicatorValue => $"{OrgPath}/indicators/{item.Item.IndicatorId}/values/{item.Period.Code}?returnUrl={back}",
            RoundItemKind.ActionProgress when item.PlanId is { } plan => $"{OrgPath}/plans/{plan}/actions/{item.Item.ActionId}/progress",
            RoundItemKind.MilestoneProgress when item.PlanId is { } plan =>
                $"{OrgPath}/plans/{plan}/milestones/{item.Item.MilestoneId}/progress?period={item.Period.Code}&returnUrl={back}",
            _ => null,
        };
    }
}

/// <summary>How the returns pages put states and dates into words.</summary>
public static class ReturnWords
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", EnGb);

    /// <summary>The GOV.UK tag colour of a state.</summary>
    public static string TagClass(ReturnState state) => state switch
    {
        ReturnState.NotStarted => "govuk-tag--grey",
        ReturnState.InProgress => "govuk-tag--blue",
        ReturnState.Submitted => "govuk-tag--turquoise",
        ReturnState.SignedOff => "govuk-tag--green",
        _ => "govuk-tag--orange",
    };

    public static string Kind(RoundItemKind kind) => kind switch
    {
        RoundItemKind.IndicatorValue => "Indicator value",
        RoundItemKind.ActionProgress => "Action progress",
        RoundItemKind.MilestoneProgress => "Milestone progress",
        _ => "Risk review",
    };
}
