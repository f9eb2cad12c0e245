using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Units;

namespace Waymark.Core.Risks;

/// <summary>
/// A risk on a service or the strategic register: "Failure to … (cause) leading to … (event) resulting in …
/// (consequence)", scored likelihood × impact before controls (inherent), now (current) and aimed for (target), with
/// its controls, further actions, links and quarterly reviews.
/// </summary>
public class Risk : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>The register's own reference ("SR3"), unique in the organisation.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    public string? Cause { get; set; }
    public string? Event { get; set; }
    public string? Consequence { get; set; }

    public int CategoryId { get; set; }
    public RiskCategory? Category { get; set; }
    public RiskRegisterLevel RegisterLevel { get; set; }

    /// <summary>The owner: a post, a person, or (from an import or a plan) a name as written.</summary>
    public int? OwnerPostId { get; set; }
    public Post? OwnerPost { get; set; }
    public int? OwnerPersonId { get; set; }
    public Person? OwnerPerson { get; set; }
    public string? OwnerName { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    public int InherentLikelihood { get; set; }
    public int InherentImpact { get; set; }
    public int CurrentLikelihood { get; set; }
    public int CurrentImpact { get; set; }
    public int? TargetLikelihood { get; set; }
    public int? TargetImpact { get; set; }
    public RiskResponse Response { get; set; }

    /// <summary>When it is next to be reviewed: set from the current band's interval (RiskRules.ReviewDue).</summary>
    public DateOnly? ReviewDue { get; set; }
    public DateOnly? LastReviewedOn { get; set; }

    public RiskState State { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedReason { get; set; }

    /// <summary>Set for every open risk when the matrix changes; cleared by the next assessment or review.</summary>
    public bool NeedsReassessment { get; set; }

    /// <summary>Demonstration scores and reviews of the demo councils, labelled as such wherever they are shown.</summary>
    public bool IsDemonstration { get; set; }

    public List<RiskControl> Controls { get; set; } = [];
    public List<RiskLink> Links { get; set; } = [];
    public List<RiskAction> Actions { get; set; } = [];
    public List<RiskReview> Reviews { get; set; } = [];
    public List<RiskEscalation> Escalations { get; set; } = [];

    public Guid Version { get; set; }

    /// <summary>"SR3 Failure to deliver …", as the audit trail and messages name a risk.</summary>
    public static string Describe(Risk? risk, int riskId) => risk is null ? $"Risk {riskId}" : $"{risk.Reference} {risk.Title}";

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Describe(this, Id);
}

/// <summary>An existing control of a risk, its owner and how effective it is.</summary>
public class RiskControl : IOrganisationOwned, IRiskPart, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }
    public required string Description { get; set; }
    public int? OwnerPostId { get; set; }
    public Post? OwnerPost { get; set; }
    public int? OwnerPersonId { get; set; }
    public Person? OwnerPerson { get; set; }
    public string? OwnerName { get; set; }
    public ControlEffectiveness Effectiveness { get; set; }
    public int SortOrder { get; set; }
    public Guid Version { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Risk)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Risk.Describe(Risk, RiskId)}, control: {Description}";
}

/// <summary>What a risk is linked to: one objective, plan, indicator or plan action per row.</summary>
public class RiskLink : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }
    public int? ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int? IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int? ActionId { get; set; }
    public PlanAction? Action { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Risk)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Risk.Describe(Risk, RiskId)}, link";
}

/// <summary>
/// A further action to bring a risk to its target score: a plan action (its R/A/G is the action's own) or a new action
/// written here with its lead, due month and R/A/G.
/// </summary>
public class RiskAction : IOrganisationOwned, IRiskPart, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }
    public int? PlanActionId { get; set; }
    public PlanAction? PlanAction { get; set; }
    public string? Text { get; set; }
    public int? LeadPostId { get; set; }
    public Post? LeadPost { get; set; }
    public int? LeadPersonId { get; set; }
    public Person? LeadPerson { get; set; }
    public string? LeadName { get; set; }
    public Period? DueMonth { get; set; }
    public Rag? Rag { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public int SortOrder { get; set; }
    public Guid Version { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Risk)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) =>
        $"{Risk.Describe(Risk, RiskId)}, further action: {Text ?? $"plan action {PlanActionId}"}";
}

/// <summary>A review of a risk: the current scores it found, what changed, commentary and who reviewed it.</summary>
public class RiskReview : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }

    /// <summary>The quarter the review belongs to (the "last quarter" column reads the previous one).</summary>
    public Period Quarter { get; set; }
    public DateOnly ReviewedOn { get; set; }
    public int Likelihood { get; set; }
    public int Impact { get; set; }
    public string? WhatChanged { get; set; }
    public string? Commentary { get; set; }
    public int? ReviewerUserId { get; set; }
    public required string ReviewerName { get; set; }
    public DateTimeOffset At { get; set; }
    public bool IsDemonstration { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Risk)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) =>
        $"{Risk.Describe(Risk, RiskId)}, review {Quarter.Format(yearStartMonth)}: {Likelihood}×{Impact}";
}
