namespace Waymark.Core.Breakdowns;

/// <summary>The field names breakdown errors are keyed by, as in the API body.</summary>
public static class BreakdownFields
{
    public const string Kind = "kind";
    public const string Members = "members";
    public const string Period = "period";
    public const string Rows = "rows";
    public const string PlaceName = "name";
    public const string PlaceKind = "placeKind";
    public const string PlaceList = "list";

    /// <summary>"members[2].ownerPostId": the field of one member of the set-up.</summary>
    public static string Member(int index, string field) => $"members[{index}].{field}";

    /// <summary>"rows[2].value": the field of one row of the figures form.</summary>
    public static string Row(int index, string field) => $"rows[{index}].{field}";
}

/// <summary>A member of a breakdown as set up: a unit or a place, and the post that owns its figures.</summary>
public sealed record BreakdownMemberInput(int? UnitId, int? PlaceId, int? OwnerPostId);

/// <summary>The whole set-up of an indicator's breakdown: its kind and its members in order (none: no breakdown).</summary>
public sealed record BreakdownInput(string? Kind, IReadOnlyList<BreakdownMemberInput> Members);

/// <summary>One member's figure for the period, as typed, with the version of the figure that was read (none when new).</summary>
public sealed record BreakdownValueInput(int MemberId, string? Value, string? Commentary, Guid? Version);

/// <summary>The figures of a period as one form sends them; <see cref="CorrectionReason"/> for a locked period.</summary>
public sealed record BreakdownValuesInput(string? Period, IReadOnlyList<BreakdownValueInput> Rows, string? CorrectionReason = null);

/// <summary>A place as added or renamed.</summary>
public sealed record PlaceInput(string? Name, string? Kind);
