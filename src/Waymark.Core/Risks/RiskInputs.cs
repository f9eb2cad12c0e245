namespace Waymark.Core.Risks;

/// <summary>The field names of risks, their parts and the matrix, as in forms and API bodies; errors are keyed by these.</summary>
public static class RiskFields
{
    public const string Reference = "reference";
    public const string Title = "title";
    public const string Cause = "cause";
    public const string Event = "event";
    public const string Consequence = "consequence";
    public const string Category = "category";
    public const string RegisterLevel = "registerLevel";
    public const string UnitId = "unitId";
    public const string Owner = "owner";
    public const string OwnerPostId = "ownerPostId";
    public const string OwnerPersonId = "ownerPersonId";
    public const string OwnerName = "ownerName";
    public const string InherentLikelihood = "inherentLikelihood";
    public const string InherentImpact = "inherentImpact";
    public const string CurrentLikelihood = "currentLikelihood";
    public const string CurrentImpact = "currentImpact";
    public const string TargetLikelihood = "targetLikelihood";
    public const string TargetImpact = "targetImpact";
    public const string Response = "response";
    public const string Links = "links";
    public const string Reason = "reason";
    public const string Description = "description";
    public const string Effectiveness = "effectiveness";
    public const string PlanActionId = "planActionId";
    public const string Text = "text";
    public const string Lead = "lead";
    public const string Due = "due";
    public const string Rag = "rag";
    public const string CompletedOn = "completedOn";
    public const string ReviewedOn = "reviewedOn";
    public const string Likelihood = "likelihood";
    public const string Impact = "impact";
    public const string WhatChanged = "whatChanged";
    public const string Commentary = "commentary";
    public const string LikelihoodLevels = "likelihoodLevels";
    public const string ImpactLevels = "impactLevels";
    public const string Levels = "levels";
    public const string ImpactTypes = "impactTypes";
    public const string Bands = "bands";
    public const string Categories = "categories";
    public const string EscalationScore = "escalationScore";
    public const string ConfirmReassessment = "confirmReassessment";
}

/// <summary>A risk as entered. The category is named (as registers and imports write it); scores are levels of the matrix.</summary>
public sealed record RiskInput
{
    /// <summary>Blank: the next of the register ("SR4").</summary>
    public string? Reference { get; init; }
    public string? Title { get; init; }
    public string? Cause { get; init; }
    public string? Event { get; init; }
    public string? Consequence { get; init; }

    /// <summary>A category of the matrix, by name ("Service").</summary>
    public string? Category { get; init; }
    public RiskRegisterLevel RegisterLevel { get; init; }
    public int? UnitId { get; init; }
    public int? OwnerPostId { get; init; }
    public int? OwnerPersonId { get; init; }
    public string? OwnerName { get; init; }
    public int? InherentLikelihood { get; init; }
    public int? InherentImpact { get; init; }
    public int? CurrentLikelihood { get; init; }
    public int? CurrentImpact { get; init; }
    public int? TargetLikelihood { get; init; }
    public int? TargetImpact { get; init; }
    public RiskResponse Response { get; init; }
    public IReadOnlyList<int> LinkedObjectiveIds { get; init; } = [];
    public IReadOnlyList<int> LinkedPlanIds { get; init; } = [];
    public IReadOnlyList<int> LinkedIndicatorIds { get; init; } = [];
    public IReadOnlyList<int> LinkedActionIds { get; init; } = [];

    /// <summary>Marks the risk as a demonstration (the demo loader only).</summary>
    public bool IsDemonstration { get; init; }
}

/// <summary>A control as entered: what it is, who owns it (a post, a person or a name) and how well it works.</summary>
public sealed record RiskControlInput
{
    public string? Description { get; init; }
    public int? OwnerPostId { get; init; }
    public int? OwnerPersonId { get; init; }
    public string? OwnerName { get; init; }
    public ControlEffectiveness? Effectiveness { get; init; }
}

/// <summary>A further action as entered: a plan action, or a new action with its lead, due month ("Mar 12") and R/A/G.</summary>
public sealed record RiskActionInput
{
    public int? PlanActionId { get; init; }
    public string? Text { get; init; }
    public int? LeadPostId { get; init; }
    public int? LeadPersonId { get; init; }
    public string? LeadName { get; init; }
    public string? Due { get; init; }
    public Plans.Rag? Rag { get; init; }
    public DateOnly? CompletedOn { get; init; }
}

/// <summary>A review as entered: the current scores found, what changed and commentary. No date: the organisation's today.</summary>
public sealed record RiskReviewInput
{
    public int? Likelihood { get; init; }
    public int? Impact { get; init; }
    public string? WhatChanged { get; init; }
    public string? Commentary { get; init; }
    public DateOnly? ReviewedOn { get; init; }

    /// <summary>Marks the review as a demonstration (the demo loader only).</summary>
    public bool IsDemonstration { get; init; }
}
