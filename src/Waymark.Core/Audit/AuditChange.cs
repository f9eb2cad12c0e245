namespace Waymark.Core.Audit;

/// <summary>One field's change: before → after (null when the field was or became empty).</summary>
public sealed record AuditChange(string Field, string? Before, string? After);
