using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Core.Plans;

/// <summary>
/// An action (DESIGN.md §2): an improvement action, a council action's step, an inspection proposal or a key action.
/// Dates are kept as written ("Ongoing", "From Apr 09") and, where they name a month, as that month too.
/// </summary>
public class PlanAction : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? ParentId { get; set; }
    public PlanAction? Parent { get; set; }
    public List<PlanAction> Children { get; set; } = [];

    /// <summary>The objective it sits under in the plan (a council action, an improvement objective, a priority).</summary>
    public int? ObjectiveId { get; set; }
    public Framework.Objective? Objective { get; set; }
    public int? RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }

    public ActionKind Kind { get; set; }
    public string? Reference { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Start as written ("Apr 09", "From Apr 09", "Ongoing").</summary>
    public string? StartText { get; set; }
    public Period? StartMonth { get; set; }

    /// <summary>Due as written ("Mar 10", "As set out under actions").</summary>
    public string? DueText { get; set; }
    public Period? DueMonth { get; set; }

    /// <summary>The latest revised due month (each revision is kept in <see cref="Revisions"/>).</summary>
    public Period? RevisedDueMonth { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public ActionState State { get; set; }

    public string? OtherServices { get; set; }
    public string? ResourcesText { get; set; }
    public decimal? ResourcesAmount { get; set; }
    public string? Outputs { get; set; }
    public string? Outcomes { get; set; }
    public string? Risks { get; set; }

    /// <summary>"In service plan?" as written; <see cref="InServicePlanId"/> when it names a plan Waymark holds.</summary>
    public string? InServicePlan { get; set; }
    public int? InServicePlanId { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Carried forward from <see cref="CarriedFromId"/> when its plan was rolled forward.</summary>
    public int? CarriedFromId { get; set; }

    public List<ActionLead> Leads { get; set; } = [];
    public List<ActionLink> Links { get; set; } = [];
    public List<ActionUpdate> Updates { get; set; } = [];
    public List<ActionDueRevision> Revisions { get; set; } = [];

    /// <summary>The due month that counts: the latest revision, else the original.</summary>
    public Period? EffectiveDueMonth => RevisedDueMonth ?? DueMonth;

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => string.IsNullOrWhiteSpace(Reference) ? Title : $"{Reference} {Title}";
}

/// <summary>A lead officer of an action: a post, a person, or a name as written.</summary>
public class ActionLead : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ActionId { get; set; }
    public int? PostId { get; set; }
    public Post? Post { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public string? Name { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Name ?? $"Lead of action {ActionId}";
}

/// <summary>What an action is linked to ("link to relevant PI / outcome"): an objective, an indicator, or text.</summary>
public class ActionLink : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ActionId { get; set; }
    public int? ObjectiveId { get; set; }
    public Framework.Objective? Objective { get; set; }
    public int? IndicatorId { get; set; }
    public Indicators.Indicator? Indicator { get; set; }
    public string? Text { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Text ?? $"Link of action {ActionId}";
}

/// <summary>
/// A quarterly progress update: R/A/G on the printed key (or, on a plan without a key, a status), commentary, author and
/// date.
/// </summary>
public class ActionUpdate : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ActionId { get; set; }
    public Period Quarter { get; set; }
    /// <summary>The assessment on the R/A/G key; empty on a plan that records status instead.</summary>
    public Rag? Rag { get; set; }

    /// <summary>The status, on a plan that records status instead of R/A/G ("On going").</summary>
    public ProgressStatus? Status { get; set; }
    public string? Commentary { get; set; }

    /// <summary>What is being done about it: asked for a Red update where the organisation's commentary rules say so.</summary>
    public string? Remedial { get; set; }

    /// <summary>The lead officer's forecast of the R/A/G at the year's end (<see cref="Performance.ForecastRules"/>).</summary>
    public Rag? YearEndForecast { get; set; }
    public int? ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset At { get; set; }
    public bool IsDemonstration { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Action {ActionId}, {Quarter.Format(yearStartMonth)}: {ActionRules.Assessment(this)}";
}

/// <summary>A revision of an action's due month, kept (an overdue action is assessed Green only after one).</summary>
public class ActionDueRevision : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ActionId { get; set; }
    public Period? FromMonth { get; set; }
    public Period ToMonth { get; set; }
    public string? Reason { get; set; }
    public int? ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset At { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Action {ActionId} due {ToMonth.Format(yearStartMonth)}";
}
