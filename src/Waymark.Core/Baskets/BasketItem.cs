using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Core.Baskets;

/// <summary>What a basket item names.</summary>
public enum BasketItemKind
{
    /// <summary>An indicator (<see cref="BasketItem.IndicatorId"/>).</summary>
    Indicator = 0,

    /// <summary>A plan action (<see cref="BasketItem.ActionId"/>).</summary>
    Action = 1,

    /// <summary>An action's milestone (<see cref="BasketItem.MilestoneId"/>).</summary>
    Milestone = 2,
}

/// <summary>
/// One record in a basket: exactly one of an indicator, an action or a milestone, in its place in the basket and,
/// when the basket is grouped, under one of its groups. Deleting the record takes it out of every basket.
/// </summary>
public class BasketItem : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int BasketId { get; set; }
    public Basket? Basket { get; set; }

    /// <summary>The group the item is listed under; empty for an ungrouped item (and when its group is deleted).</summary>
    public int? GroupId { get; set; }
    public BasketGroup? Group { get; set; }

    public BasketItemKind Kind { get; set; }

    public int? IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }

    public int? ActionId { get; set; }
    public PlanAction? Action { get; set; }

    public int? MilestoneId { get; set; }
    public Milestone? Milestone { get; set; }

    /// <summary>The item's place within its group (or among the ungrouped items).</summary>
    public int SortOrder { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Basket)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Kind switch
    {
        BasketItemKind.Indicator => $"Basket: {BasketName}, indicator {IndicatorId}",
        BasketItemKind.Action => $"Basket: {BasketName}, action {ActionId}",
        _ => $"Basket: {BasketName}, milestone {MilestoneId}",
    };

    private string BasketName => Basket?.Title ?? $"{BasketId}";
}
