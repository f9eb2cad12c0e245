namespace Waymark.Core.Data;

/// <summary>Patterns for <c>EF.Functions.Like(…, pattern, "\\")</c> searches, escaped so a typed % or _ is taken literally.</summary>
public static class LikePattern
{
    /// <summary>"%text%" in lower case (compare with the column lowered: PostgreSQL's LIKE is case-sensitive).</summary>
    public static string Containing(string search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return $"%{search.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
    }
}
