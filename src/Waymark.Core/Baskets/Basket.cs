using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Core.Baskets;

/// <summary>What a basket is for; it decides where the basket is shown, not what it may hold.</summary>
public enum BasketKind
{
    /// <summary>A corporate scorecard: the agreed set of key indicators and actions reported each quarter.</summary>
    Scorecard = 0,

    /// <summary>A Health Card: corporate-health indicators shown across services.</summary>
    HealthCard = 1,

    /// <summary>Any other set: a partnership's (the LAA set), a portfolio's, a public performance page.</summary>
    Other = 2,
}

/// <summary>
/// A basket: a named, ordered selection of indicators, actions and milestones, optionally grouped (for example by
/// aim), reported together for a period with its roll-up — the corporate scorecard, the Health Card, the LAA set.
/// The records stay where they are; a basket only names them.
/// </summary>
public class Basket : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public BasketKind Kind { get; set; }

    /// <summary>Who the basket is reported to ("Management team and Cabinet, quarterly").</summary>
    public string? AudienceNote { get; set; }

    /// <summary>The post that keeps the basket; empty when no one is named.</summary>
    public int? OwnerPostId { get; set; }
    public Post? OwnerPost { get; set; }

    /// <summary>Where the basket comes in the organisation's list.</summary>
    public int SortOrder { get; set; }

    /// <summary>Made by the demonstration loader rather than by a person.</summary>
    public bool IsDemonstration { get; set; }

    public List<BasketGroup> Groups { get; set; } = [];
    public List<BasketItem> Items { get; set; } = [];

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Basket: {Title}";
}

/// <summary>A heading the basket's items are grouped under, for example an aim.</summary>
public class BasketGroup : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int BasketId { get; set; }
    public Basket? Basket { get; set; }
    public required string Title { get; set; }
    public int SortOrder { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Basket)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Basket: {Basket?.Title ?? $"{BasketId}"}, group {Title}";
}
