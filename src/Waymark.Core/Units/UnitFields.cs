namespace Waymark.Core.Units;

/// <summary>The field names errors are reported against (the API body's names and the form fields' ids).</summary>
public static class UnitFields
{
    public const string ParentId = "parentId";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string Description = "description";
    public const string HeadPostId = "headPostId";
    public const string Title = "title";
    public const string HolderId = "holderId";
    public const string UnitId = "unitId";
    public const string PersonId = "personId";
    public const string Portfolio = "portfolio";
    public const string Note = "note";
}
