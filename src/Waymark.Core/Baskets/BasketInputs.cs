namespace Waymark.Core.Baskets;

/// <summary>A basket's own fields as a form or the API sends them; <see cref="Kind"/> is a word of <see cref="BasketWords.Kinds"/>.</summary>
public sealed record BasketInput(string? Title, string? Description, string? Kind, string? AudienceNote, int? OwnerPostId);

/// <summary>A record to put in a basket: what kind it is and its id.</summary>
public sealed record BasketItemRef(BasketItemKind Kind, int Id);

/// <summary>Which way a group or an item moves in its list.</summary>
public enum BasketMove
{
    Up,
    Down,
}

/// <summary>The field names basket errors are keyed by, as in the API body.</summary>
public static class BasketFields
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Kind = "kind";
    public const string AudienceNote = "audienceNote";
    public const string OwnerPostId = "ownerPostId";
    public const string GroupTitle = "groupTitle";
    public const string GroupId = "groupId";
    public const string Items = "items";
}
