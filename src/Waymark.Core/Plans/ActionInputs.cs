namespace Waymark.Core.Plans;

/// <summary>The field names of an action and its progress, as in forms and API bodies; errors are keyed by these.</summary>
public static class ActionFields
{
    public const string Kind = "kind";
    public const string Reference = "reference";
    public const string Title = "title";
    public const string Description = "description";
    public const string ParentId = "parentId";
    public const string ObjectiveId = "objectiveId";
    public const string RecommendationId = "recommendationId";
    public const string Leads = "leads";
    public const string Start = "start";
    public const string Due = "due";
    public const string CompletedOn = "completedOn";
    public const string State = "state";
    public const string Links = "links";
    public const string LinkText = "linkText";
    public const string OtherServices = "otherServices";
    public const string ResourcesText = "resourcesText";
    public const string ResourcesAmount = "resourcesAmount";
    public const string Outputs = "outputs";
    public const string Outcomes = "outcomes";
    public const string Risks = "risks";
    public const string InServicePlan = "inServicePlan";
    public const string InServicePlanId = "inServicePlanId";
    public const string Quarter = "quarter";
    public const string Rag = "rag";
    public const string Status = "status";
    public const string Commentary = "commentary";
    public const string Remedial = "remedial";

    /// <summary>The lead officer's year-end forecast R/A/G.</summary>
    public const string YearEndForecast = "yearEndForecast";
    public const string Month = "month";
    public const string Reason = "reason";
}

/// <summary>A lead officer as entered: a post, a person, or a name as written (exactly one).</summary>
public sealed record ActionLeadInput(int? PostId, int? PersonId, string? Name);

/// <summary>An action as entered. Amounts and dates are text, read (and refused with a message) by the editor.</summary>
public sealed record ActionInput
{
    public ActionKind Kind { get; init; }
    public string? Reference { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? ParentId { get; init; }
    public int? ObjectiveId { get; init; }
    public int? RecommendationId { get; init; }
    public IReadOnlyList<ActionLeadInput> Leads { get; init; } = [];

    /// <summary>Start as written: "Apr 09", "From Apr 09", "Ongoing".</summary>
    public string? Start { get; init; }

    /// <summary>Due as written: "Mar 10", "March 2010", "Ongoing".</summary>
    public string? Due { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public ActionState State { get; init; }
    public IReadOnlyList<int> LinkedObjectiveIds { get; init; } = [];
    public IReadOnlyList<int> LinkedIndicatorIds { get; init; } = [];

    /// <summary>"Link to relevant PI / outcome" as written.</summary>
    public string? LinkText { get; init; }
    public string? OtherServices { get; init; }
    public string? ResourcesText { get; init; }

    /// <summary>Additional resources in pounds, as typed: "1500", "£1,500.50".</summary>
    public string? ResourcesAmount { get; init; }
    public string? Outputs { get; init; }
    public string? Outcomes { get; init; }
    public string? Risks { get; init; }
    public string? InServicePlan { get; init; }
    public int? InServicePlanId { get; init; }

    /// <summary>The version read; required to change an action, not to create one.</summary>
    public Guid? Version { get; init; }
}

/// <summary>
/// A quarterly progress update as entered: the quarter (code "Q2011-04" or text "Q1 2011/12"), R/A/G as a word (or, on a
/// plan without a key, <see cref="Status"/>), commentary.
/// </summary>
public sealed record ProgressInput(string? Quarter, string? Rag, string? Commentary, Guid? Version)
{
    /// <summary>The status as a word ("on-going", "On going", "Complete"), on a plan that records status instead of R/A/G.</summary>
    public string? Status { get; init; }

    /// <summary>What is being done about it (asked for a Red update where the organisation's commentary rules say so).</summary>
    public string? Remedial { get; init; }

    /// <summary>The lead officer's forecast R/A/G at the year's end as a word; empty for none (then the latest R/A/G stands).</summary>
    public string? YearEndForecast { get; init; }

    /// <summary>Why an update of a locked quarter (its monitoring round closed) is being changed; asked only then.</summary>
    public string? CorrectionReason { get; init; }
}

/// <summary>A revision of the due month as entered ("Dec 10", "December 2010"), with the reason.</summary>
public sealed record DueRevisionInput(string? Month, string? Reason, Guid? Version);
