namespace Waymark.Web.Api;

// Actions and their progress. Kinds, states and R/A/G are words (Waymark.Core.Plans.ActionTerms): kind
// improvement-action, council-action-step, inspection-proposal, key-action; state not-started, in-progress, completed,
// deferred, cancelled; rag red, amber, green. Months and quarters are codes ("M2012-03", "Q2011-04") with a label as
// people write them ("Mar 2012", "Q1 2011/12"). Dates as written ("31st March 2012", "Ongoing") are kept as text.

/// <summary>A month or a quarter: its code and how people write it.</summary>
public sealed record ActionPeriodDto(string Code, string Label);

/// <summary>A lead officer: a post, a person, or a name as the plan writes it (name); label is how the pages show it.</summary>
public sealed record ActionLeadDto(int? PostId, int? PersonId, string? Name, string Label);

/// <summary>Something an action points at (an objective, indicator, recommendation): its reference, code or number, and title.</summary>
public sealed record ActionRefDto(int Id, string? Reference, string Title);

/// <summary>"Link to relevant PI / outcome": the objectives and indicators Waymark holds, by id (as a write sends them) and described.</summary>
public sealed record ActionLinksDto(IReadOnlyList<int> ObjectiveIds, IReadOnlyList<int> IndicatorIds, IReadOnlyList<ActionRefDto> Objectives, IReadOnlyList<ActionRefDto> Indicators);

/// <summary>
/// A quarter's progress update: R/A/G as a word, its words and its meaning on the printed key (null on a plan that
/// records status instead), commentary, who and when; isDemonstration marks generated demo data. version is the action's:
/// replacing or deleting the update sends it. status (not-commenced, on-going, complete) and its words are set on a plan
/// that records status rather than R/A/G.
/// </summary>
public sealed record ActionUpdateDto(
    string Quarter, string Label, string? Rag, string? RagText, string? RagMeaning, string? Commentary, string By, DateTimeOffset At,
    bool IsDemonstration, Guid Version)
{
    public string? Status { get; init; }
    public string? StatusText { get; init; }

    /// <summary>What is being done about it, when given.</summary>
    public string? Remedial { get; init; }

    /// <summary>The lead officer's year-end forecast (red, amber, green), when given.</summary>
    public string? YearEndForecast { get; init; }
}

/// <summary>A revision of the due month, kept: from (null when there was none) and to, why, who and when.</summary>
public sealed record ActionRevisionDto(ActionPeriodDto? From, ActionPeriodDto To, string? Reason, string By, DateTimeOffset At);

/// <summary>An action in its plan's list (flat: a sub-action names its parentId), with the fields of the actions export.</summary>
public sealed record ActionSummaryDto(
    int Id, int? ParentId, string? Reference, string Title, string Kind, IReadOnlyList<ActionLeadDto> Leads, string? Start, string? Due,
    ActionPeriodDto? DueMonth, ActionPeriodDto? RevisedDueMonth, string State, string StateText, DateOnly? CompletedOn, bool Overdue,
    ActionUpdateDto? Latest, bool NeedsUpdate, string? ResourcesText, decimal? ResourcesAmount, string? Outputs, string? Outcomes, Guid Version);

/// <summary>
/// An action with everything about it: start and due as written with the month read from each, the revised due month and
/// every revision, state, whether it is overdue, links, resources, its updates (newest first), the current quarter and
/// whether that quarter's update is still to be recorded.
/// </summary>
public sealed record ActionDto(
    int Id, int PlanId, int? ParentId, IReadOnlyList<int> ChildIds, string? Reference, string Title, string? Description, string Kind,
    int? ObjectiveId, ActionRefDto? Objective, int? RecommendationId, ActionRefDto? Recommendation, IReadOnlyList<ActionLeadDto> Leads,
    string? Start, ActionPeriodDto? StartMonth, string? Due, ActionPeriodDto? DueMonth, ActionPeriodDto? RevisedDueMonth,
    IReadOnlyList<ActionRevisionDto> Revisions, DateOnly? CompletedOn, string State, string StateText, bool Overdue, ActionLinksDto Links,
    string? LinkText, string? OtherServices, string? ResourcesText, decimal? ResourcesAmount, string? Outputs, string? Outcomes,
    string? Risks, string? InServicePlan, int? InServicePlanId, string? InServicePlanTitle, bool CarriedForward, int? CarriedFromId,
    IReadOnlyList<ActionUpdateDto> Updates, ActionPeriodDto CurrentQuarter, bool NeedsUpdate, Guid Version);

/// <summary>
/// An action's progress: its updates (newest first), the current quarter, whether its update is still to be recorded,
/// whether the action is overdue and, if Green cannot be chosen now, why not. version is the action's.
/// </summary>
public sealed record ActionProgressDto(
    ActionPeriodDto CurrentQuarter, bool NeedsUpdate, bool Overdue, string? WhyNotGreen, IReadOnlyList<ActionUpdateDto> Updates, Guid Version);

/// <summary>An action the caller leads, with its plan.</summary>
public sealed record MyActionDto(int PlanId, string PlanTitle, ActionSummaryDto Action);

/// <summary>The open actions the caller leads: overdue, needing this quarter's update, up to date.</summary>
public sealed record MyActionsDto(
    ActionPeriodDto CurrentQuarter, IReadOnlyList<MyActionDto> Overdue, IReadOnlyList<MyActionDto> NeedsUpdate, IReadOnlyList<MyActionDto> UpToDate);

/// <summary>A lead officer to write: a post, a person, or a name as the plan writes it (exactly one).</summary>
public sealed record ActionLeadWriteDto(int? PostId, int? PersonId, string? Name);

/// <summary>The objectives and indicators the action is linked to, by id.</summary>
public sealed record ActionLinksWriteDto(IReadOnlyList<int>? ObjectiveIds, IReadOnlyList<int>? IndicatorIds);

/// <summary>
/// An action to create or change. Start and due are as written ("Apr 11", "31st March 2012", "Ongoing"); the month is read
/// from them. resourcesAmount is pounds, a JSON number. A new action is an improvement-action, not-started, unless the
/// body says otherwise; a PUT replaces every field (send the ones you keep too, kind and state among them) with the version.
/// </summary>
public sealed record ActionWriteDto(
    string? Kind, string? Reference, string? Title, string? Description, int? ParentId, int? ObjectiveId, int? RecommendationId,
    IReadOnlyList<ActionLeadWriteDto?>? Leads, string? Start, string? Due, string? State, DateOnly? CompletedOn, ActionLinksWriteDto? Links,
    string? LinkText, string? OtherServices, string? ResourcesText, decimal? ResourcesAmount, string? Outputs, string? Outcomes, string? Risks,
    string? InServicePlan, int? InServicePlanId, Guid? Version);

/// <summary>
/// A quarter's update: rag (red, amber, green), or on a plan that records status, status (not-commenced, on-going, complete);
/// commentary; the action's version to replace an update already recorded.
/// </summary>
public sealed record ActionProgressWriteDto(string? Rag, string? Commentary, Guid? Version)
{
    public string? Status { get; init; }

    /// <summary>What is being done about it (needed for a Red update where the organisation's commentary rules ask).</summary>
    public string? Remedial { get; init; }

    /// <summary>The lead officer's forecast R/A/G at the year's end (red, amber, green); omitted for none.</summary>
    public string? YearEndForecast { get; init; }

    /// <summary>Why an update of a locked quarter (its monitoring round closed) is being changed; required only then.</summary>
    public string? CorrectionReason { get; init; }
}

/// <summary>A revised due month as written ("Dec 12", "December 2012"), why, and the action's version.</summary>
public sealed record ActionDueWriteDto(string? Month, string? Reason, Guid? Version);

/// <summary>A new state; completedOn (a date, not in the future) for a completed action, today when left out; the action's version.</summary>
public sealed record ActionStateWriteDto(string? State, DateOnly? CompletedOn, Guid? Version);
