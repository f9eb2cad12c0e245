namespace Waymark.Web.Api;

// The risk register. Words, not numbers, for choices: register service, strategic; response treat, tolerate, transfer,
// terminate; effectiveness substantial, adequate, limited, none; rag red, amber, green; escalation state proposed,
// accepted, declined; state open, closed. Scores are levels of the organisation's matrix (likelihood × impact).

/// <summary>Likelihood, impact, their product and the band it falls in (null when no band covers it).</summary>
public sealed record RiskScoreDto(int Likelihood, int Impact, int Score, string? Band, string? Colour);

/// <summary>A risk as a register lists it, with the "last quarter" column, movement and the flags the filters use.</summary>
public sealed record RiskSummaryDto(
    int Id, string Reference, string Title, string Category, string Register, string? Unit, string? Owner, int InherentScore,
    RiskScoreDto Current, int? TargetScore, int? LastQuarterScore, string Movement, DateOnly? ReviewDue, bool ReviewOverdue,
    bool AboveAppetite, int RedForQuarters, bool NeedsReassessment, string State, bool IsDemonstration);

/// <summary>An existing control: what it is, its owner (a post, a person or a name) and how well it works.</summary>
public sealed record RiskControlDto(int Id, string Description, int? OwnerPostId, int? OwnerPersonId, string? OwnerName, string? Owner, string Effectiveness, Guid Version);

/// <summary>A further action: a plan action (planActionId, R/A/G its own latest) or one written here with its lead and due month.</summary>
public sealed record RiskActionDto(
    int Id, int? PlanActionId, string Text, string? Lead, string? Due, string? Rag, bool Completed, int? LeadPostId, int? LeadPersonId,
    string? LeadName, DateOnly? CompletedOn, Guid Version);

/// <summary>What the risk is linked to, by id.</summary>
public sealed record RiskLinksDto(IReadOnlyList<int> ObjectiveIds, IReadOnlyList<int> PlanIds, IReadOnlyList<int> IndicatorIds, IReadOnlyList<int> ActionIds);

/// <summary>A review as recorded, with the score's movement from the review before.</summary>
public sealed record RiskReviewDto(
    int Id, string Quarter, DateOnly ReviewedOn, RiskScoreDto Score, int? PreviousScore, string Movement, string? WhatChanged,
    string? Commentary, string Reviewer, bool IsDemonstration);

/// <summary>A proposal for the strategic register and its decision; version guards the decision.</summary>
public sealed record RiskEscalationDto(
    int Id, int RiskId, string RiskReference, string RiskTitle, string? Unit, int ProposedScore, DateTimeOffset ProposedAt, string ProposedBy,
    string? Reason, string State, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason, Guid Version);

/// <summary>One risk with everything its page shows; version is what a change, review, close or proposal sends back.</summary>
public sealed record RiskDto(
    int Id, string Reference, string Title, string? Cause, string? Event, string? Consequence, string Category, string Register,
    int? UnitId, string? Unit, int? OwnerPostId, int? OwnerPersonId, string? OwnerName, string? Owner,
    RiskScoreDto Inherent, RiskScoreDto Current, RiskScoreDto? Target, string Response, bool AboveAppetite, DateOnly? ReviewDue,
    bool ReviewOverdue, int? LastQuarterScore, string Movement, int RedForQuarters, bool NeedsReassessment, string State,
    DateOnly? ClosedOn, string? ClosedReason, bool IsDemonstration, IReadOnlyList<RiskControlDto> Controls,
    IReadOnlyList<RiskActionDto> FurtherActions, RiskLinksDto Links, IReadOnlyList<RiskReviewDto> Reviews,
    IReadOnlyList<RiskEscalationDto> Escalations, Guid Version);

/// <summary>
/// A risk as written: category by name; register service (default) or strategic (the central team only); scores as
/// levels; response (treat when left out on a new risk). version: the one read, when changing.
/// </summary>
public sealed record RiskWriteDto(
    string? Reference, string? Title, string? Cause, string? Event, string? Consequence, string? Category, string? Register,
    int? UnitId, int? OwnerPostId, int? OwnerPersonId, string? OwnerName, int? InherentLikelihood, int? InherentImpact,
    int? CurrentLikelihood, int? CurrentImpact, int? TargetLikelihood, int? TargetImpact, string? Response,
    IReadOnlyList<int>? ObjectiveIds, IReadOnlyList<int>? PlanIds, IReadOnlyList<int>? IndicatorIds, IReadOnlyList<int>? ActionIds, Guid? Version);

/// <summary>A control as written.</summary>
public sealed record RiskControlWriteDto(string? Description, int? OwnerPostId, int? OwnerPersonId, string? OwnerName, string? Effectiveness, Guid? Version);

/// <summary>A further action as written: planActionId, or text with due ("Mar 12") and rag.</summary>
public sealed record RiskActionWriteDto(
    int? PlanActionId, string? Text, int? LeadPostId, int? LeadPersonId, string? LeadName, string? Due, string? Rag, DateOnly? CompletedOn, Guid? Version);

/// <summary>A review: the scores found, what changed, commentary, the date (today when left out) and the risk's version.</summary>
public sealed record RiskReviewWriteDto(int? Likelihood, int? Impact, string? WhatChanged, string? Commentary, DateOnly? ReviewedOn, Guid? Version);

/// <summary>Closing (reason needed) or reopening a risk, with its version.</summary>
public sealed record RiskStateWriteDto(string? Reason, Guid? Version);

/// <summary>A proposal for the strategic register: the reason (needed unless the score proposes it) and the risk's version.</summary>
public sealed record RiskProposalWriteDto(string? Reason, Guid? Version);

/// <summary>The decision on a proposal: accept or decline (reason needed), with the proposal's version.</summary>
public sealed record RiskDecisionWriteDto(string? Decision, string? Reason, Guid? Version);

/// <summary>A level of a scale: its number, name and descriptor.</summary>
public sealed record RiskLevelDto(int Level, string? Name, string? Descriptor);

/// <summary>An impact type with one criterion per impact level ("Financial": "£0–10K" …).</summary>
public sealed record RiskImpactTypeDto(string? Name, IReadOnlyList<string?>? Criteria);

/// <summary>A score band: name, colour (green, yellow, orange, red, purple, blue, grey), scores and review interval.</summary>
public sealed record RiskBandDto(string? Name, string? Colour, int? MinScore, int? MaxScore, int? ReviewIntervalDays);

/// <summary>A category with its appetite (the highest score accepted; null: none set).</summary>
public sealed record RiskCategoryDto(int? Id, string? Name, int? AppetiteScore);

/// <summary>
/// The organisation's risk matrix, with how many open risks a change of scoring sends back for re-assessment. Writing it
/// sends the same shape for its present size with its version, and confirmReassessment when open risks will need
/// re-assessing; likelihoodLevels and impactLevels different from the present size resize it to the defaults of that size.
/// </summary>
public sealed record RiskMatrixDto(
    int LikelihoodLevels, int ImpactLevels, IReadOnlyList<RiskLevelDto> Likelihood, IReadOnlyList<RiskLevelDto> Impact,
    IReadOnlyList<RiskImpactTypeDto> ImpactTypes, IReadOnlyList<RiskBandDto> Bands, IReadOnlyList<RiskCategoryDto> Categories,
    int? EscalationScore, int OpenRisks, Guid Version);

/// <summary>The matrix as written: the shape it is read in, with confirmReassessment and the version read.</summary>
public sealed record RiskMatrixWriteDto(
    int? LikelihoodLevels, int? ImpactLevels, IReadOnlyList<RiskLevelDto>? Likelihood, IReadOnlyList<RiskLevelDto>? Impact,
    IReadOnlyList<RiskImpactTypeDto>? ImpactTypes, IReadOnlyList<RiskBandDto>? Bands, IReadOnlyList<RiskCategoryDto>? Categories,
    int? EscalationScore, bool ConfirmReassessment, Guid? Version);
