namespace Waymark.Core.Breakdowns;

public static class BreakdownLimits
{
    public const int PlaceNameMaxLength = 200;
    public const int PlaceKindMaxLength = 100;
    public const int CommentaryMaxLength = 8000;

    /// <summary>A breakdown or a place list longer than this is not a breakdown any form could show.</summary>
    public const int MaxMembers = 500;
}
