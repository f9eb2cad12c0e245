namespace Waymark.Core.Framework;

/// <summary>The field names errors are reported against: the API body's names, and the form fields' ids.</summary>
public static class ObjectiveFields
{
    public const string Level = "level";
    public const string ParentId = "parentId";
    public const string Reference = "reference";
    public const string Title = "title";
    public const string Description = "description";
    public const string UnitId = "unitId";
    public const string OwnerPostId = "ownerPostId";
    public const string OwnerPersonId = "ownerPersonId";
    public const string Start = "start";
    public const string End = "end";
    public const string ToId = "toId";
}
