namespace Waymark.Web.Api;

// Plans. States, roles, kinds and R/A/G are words (PlanWords): state draft, submitted, approved, published; role
// service-objective, supporting-objective, improvement-objective, council-action; action state not-started,
// in-progress, completed, deferred, cancelled; rag red, amber, green. Periods are codes with labels ("Y2011-04", "2011/12").

/// <summary>A period as a code ("Y2011-04", "M2009-05") with its label as people write it ("2011/12", "May 2009").</summary>
public sealed record PeriodLabelDto(string Period, string Label);

public sealed record PlanTypeDto(string Key, string Name);

/// <summary>A plan as listed.</summary>
public sealed record PlanSummaryDto(
    int Id, string Title, PlanTypeDto Type, UnitRefDto? Unit, PeriodLabelDto StartYear, PeriodLabelDto EndYear, string State, string StateText);

public sealed record PlanRefDto(int Id, string Title);

/// <summary>A narrative section: Markdown body, its place in the plan (order) and whether it was copied from the plan rolled forward.</summary>
public sealed record PlanSectionDto(int Id, string Key, string Heading, string? Body, int Order, bool Carried, Guid Version);

public sealed record IndicatorRefDto(int Id, string? Code, string Title);

public sealed record MilestoneRefDto(int Id, string Title);

/// <summary>
/// A measure of an objective in the plan: kind indicator (with indicator) or milestone (with milestone); targets has one
/// entry for each plan year (value for a numeric target, text as written otherwise; both null where none is set).
/// </summary>
public sealed record PlanMeasureDto(
    int Id, string Kind, IndicatorRefDto? Indicator, MilestoneRefDto? Milestone, IReadOnlyList<IndicatorTargetDto> Targets,
    string? Lead, string? Resources, bool Carried, Guid Version);

/// <summary>A framework objective in a plan, in a role, with the framework nodes it contributes to and its measures.</summary>
public sealed record PlanObjectiveDto(
    int Id, string Role, string RoleText, ObjectiveRefDto Objective, IReadOnlyList<ObjectiveRefDto> ContributesTo,
    string? Lead, string? Resources, IReadOnlyList<PlanMeasureDto> Measures, bool Carried, Guid Version);

/// <summary>A start or due date as the plan writes it ("May 09", "Ongoing") and the month it names, if any.</summary>
public sealed record ActionDateDto(string? Text, PeriodLabelDto? Month);

/// <summary>
/// An action as the plan lists it, with its sub-actions (children). overdue follows the overdue rule; latestRag is the
/// latest quarter's assessment. path is where the whole action is read.
/// </summary>
public sealed record PlanActionSummaryDto(
    int Id, string? Reference, string Title, string Kind, string? Leads, ActionDateDto Start, ActionDateDto Due, PeriodLabelDto? RevisedDue,
    string State, bool Overdue, string? LatestRag, string? InServicePlan, int? InServicePlanId, int? ObjectiveId, int? RecommendationId,
    bool Carried, string Path, IReadOnlyList<PlanActionSummaryDto> Children);

/// <summary>An inspection's recommendation with the actions (proposals) that answer it, each with its steps.</summary>
public sealed record PlanRecommendationDto(int Id, string Number, string Text, IReadOnlyList<PlanActionSummaryDto> Actions, Guid Version);

/// <summary>A step of the plan's workflow: from and to are states.</summary>
public sealed record PlanStepDto(string From, string To, string? Comment, string By, DateTimeOffset At);

/// <summary>
/// A plan with everything in it: its facts, sections, objectives with measures, recommendations with the actions
/// answering them, every action as a tree, and its workflow history. version guards changes to the plan's facts and
/// its workflow steps.
/// </summary>
public sealed record PlanDto(
    int Id, string Title, PlanTypeDto Type, UnitRefDto? Unit, PeriodLabelDto StartYear, PeriodLabelDto EndYear,
    IReadOnlyList<PeriodLabelDto> Years, string State, string StateText, IndicatorOwnerDto? HeadOfService,
    IReadOnlyList<PortfolioHolderDto> PortfolioHolders, string? Source, PlanRefDto? RolledFrom,
    IReadOnlyList<PlanSectionDto> Sections, IReadOnlyList<PlanObjectiveDto> Objectives,
    IReadOnlyList<PlanRecommendationDto> Recommendations, IReadOnlyList<PlanActionSummaryDto> Actions,
    IReadOnlyList<PlanStepDto> History, Guid Version)
{
    /// <summary>How actions' quarterly progress is recorded: "rag" or "status".</summary>
    public string Progress { get; init; } = "rag";
}

/// <summary>
/// A plan's facts: type by key ("service-plan"), years as written ("2011/12") or as codes ("Y2011-04"); no endYear:
/// a service plan covers three years, any other plan one. A PUT replaces every field: send the ones you keep too.
/// </summary>
public sealed record PlanWriteDto(
    string? Type, string? Title, int? UnitId, string? StartYear, string? EndYear, int? HeadOfServicePostId,
    int? HeadOfServicePersonId, string? Source, Guid? Version)
{
    /// <summary>"rag" or "status": how actions' quarterly progress is recorded. Omitted: rag for a new plan, unchanged otherwise.</summary>
    public string? Progress { get; init; }
}

public sealed record PlanSectionWriteDto(string? Heading, string? Body, Guid? Version);

/// <summary>A framework objective (objectiveId) in the plan, in a role, with its lead officer and resources as written.</summary>
public sealed record PlanObjectiveWriteDto(int? ObjectiveId, string? Role, string? Lead, string? Resources, Guid? Version);

/// <summary>
/// A measure to add to one of the plan's objectives: an indicator (indicatorId), an existing milestone (milestoneId), or a
/// new milestone (milestoneTitle with milestoneTargets, one per plan year as written: "May 09").
/// </summary>
public sealed record PlanMeasureWriteDto(
    int? PlanObjectiveId, int? IndicatorId, int? MilestoneId, string? MilestoneTitle, IReadOnlyList<string?>? MilestoneTargets,
    string? Lead, string? Resources);

/// <summary>
/// A change to a measure: lead officer and resources; for a milestone also its title and milestoneTargets (one per plan
/// year; a blank one clears that year's; leave the list out to keep the targets).
/// </summary>
public sealed record PlanMeasureChangeDto(string? Lead, string? Resources, string? MilestoneTitle, IReadOnlyList<string?>? MilestoneTargets, Guid? Version);

public sealed record RecommendationWriteDto(string? Number, string? Text, Guid? Version);

/// <summary>A workflow step: the plan's version, and a comment (returning to draft needs one: the reason, as comment or reason).</summary>
public sealed record PlanStepWriteDto(Guid? Version, string? Comment, string? Reason);
