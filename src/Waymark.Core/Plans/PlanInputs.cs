namespace Waymark.Core.Plans;

/// <summary>Field names of plans and their parts, as the API would name them; pages use them as the ids errors link to.</summary>
public static class PlanFields
{
    public const string Type = "type";
    public const string Title = "title";
    public const string UnitId = "unitId";
    public const string StartYear = "startYear";
    public const string EndYear = "endYear";
    public const string HeadOfServicePostId = "headOfServicePostId";
    public const string HeadOfServicePersonId = "headOfServicePersonId";
    public const string Source = "source";
    public const string Progress = "progress";
    public const string Heading = "heading";
    public const string Body = "body";
    public const string ObjectiveId = "objectiveId";
    public const string Role = "role";
    public const string Lead = "lead";
    public const string Resources = "resources";
    public const string PlanObjectiveId = "planObjectiveId";
    public const string MeasureId = "measureId";
    public const string IndicatorId = "indicatorId";
    public const string MilestoneId = "milestoneId";
    public const string MilestoneTitle = "milestoneTitle";
    public const string MilestoneTargets = "milestoneTargets";
    public const string Number = "number";
    public const string Text = "text";
}

/// <summary>A plan's facts as a person writes them: the type by key, years as text ("2011/12"), ids for unit, post and person.</summary>
public sealed record PlanInput
{
    /// <summary>A plan type's key ("service-plan").</summary>
    public string? Type { get; init; }
    public string? Title { get; init; }
    public int? UnitId { get; init; }
    public string? StartYear { get; init; }

    /// <summary>Empty: a service plan covers three years, any other plan one.</summary>
    public string? EndYear { get; init; }
    public int? HeadOfServicePostId { get; init; }
    public int? HeadOfServicePersonId { get; init; }
    public string? Source { get; init; }

    /// <summary>
    /// How actions' quarterly progress is recorded: "rag" (on the organisation's key) or "status" (not commenced, on
    /// going, complete). Empty: R/A/G for a new plan; a change keeps what the plan has.
    /// </summary>
    public string? Progress { get; init; }
}

/// <summary>A narrative section: its heading and Markdown body.</summary>
public sealed record SectionInput(string? Heading, string? Body);

/// <summary>A framework objective to add to a plan, in a role (service-objective, supporting-objective, improvement-objective, council-action).</summary>
public sealed record PlanObjectiveInput(int? ObjectiveId, string? Role, string? Lead, string? Resources);

/// <summary>
/// A measure of a plan objective: an indicator, an existing milestone, or a new milestone (its title, and a target per
/// plan year as written: "May 09").
/// </summary>
public sealed record PlanMeasureInput(int? PlanObjectiveId, int? IndicatorId, int? MilestoneId, string? Lead, string? Resources)
{
    public string? MilestoneTitle { get; init; }
    public IReadOnlyList<string?>? MilestoneTargets { get; init; }
}

/// <summary>
/// A change to a measure of a plan: its lead officer and resources and, for a milestone, its title and a target per plan
/// year as written (null: the targets stay as they are; a blank one clears that year's).
/// </summary>
public sealed record PlanMeasureChange(string? Lead, string? Resources, string? MilestoneTitle, IReadOnlyList<string?>? MilestoneTargets);

/// <summary>An inspection's recommendation: its number as the report gives it ("R3") and its text.</summary>
public sealed record RecommendationInput(string? Number, string? Text);

/// <summary>The words for plan states and objective roles, in pages, the API and the demo files.</summary>
public static class PlanWords
{
    public static string Text(PlanState state) => state switch
    {
        PlanState.Draft => "Draft",
        PlanState.Submitted => "Submitted",
        PlanState.Approved => "Approved",
        PlanState.Published => "Published",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown state."),
    };

    public static string Key(PlanState state) => state.ToString().ToLowerInvariant();

    /// <summary>How a plan records progress, as the form and the API write it: "rag" or "status".</summary>
    public static string Key(PlanProgress progress) => progress == PlanProgress.Status ? "status" : "rag";

    /// <summary>"rag" or "status" (any case) as a plan's progress; null for anything else.</summary>
    public static PlanProgress? ReadProgress(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "rag" => PlanProgress.Rag,
        "status" => PlanProgress.Status,
        _ => null,
    };

    public static PlanState? StateFromKey(string? key) =>
        Enum.GetValues<PlanState>().Cast<PlanState?>().FirstOrDefault(s => string.Equals(Key(s!.Value), key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Each state by its key, exactly as written (the demo files).</summary>
    public static IReadOnlyDictionary<string, PlanState> StatesByKey { get; } =
        Enum.GetValues<PlanState>().ToDictionary(s => Key(s), StringComparer.Ordinal);

    public static IReadOnlyList<PlanObjectiveRole> Roles { get; } = Enum.GetValues<PlanObjectiveRole>();

    /// <summary>Each role by its key, exactly as written (the demo files).</summary>
    public static IReadOnlyDictionary<string, PlanObjectiveRole> RolesByKey { get; } = Roles.ToDictionary(r => Key(r), StringComparer.Ordinal);

    public static string Key(PlanObjectiveRole role) => role switch
    {
        PlanObjectiveRole.ServiceObjective => "service-objective",
        PlanObjectiveRole.SupportingObjective => "supporting-objective",
        PlanObjectiveRole.ImprovementObjective => "improvement-objective",
        PlanObjectiveRole.CouncilAction => "council-action",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static string Text(PlanObjectiveRole role) => role switch
    {
        PlanObjectiveRole.ServiceObjective => "Service objective",
        PlanObjectiveRole.SupportingObjective => "Supporting objective",
        PlanObjectiveRole.ImprovementObjective => "Improvement objective",
        PlanObjectiveRole.CouncilAction => "Council action",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static PlanObjectiveRole? RoleFromKey(string? key) =>
        Roles.Cast<PlanObjectiveRole?>().FirstOrDefault(r => string.Equals(Key(r!.Value), key?.Trim(), StringComparison.OrdinalIgnoreCase));
}
