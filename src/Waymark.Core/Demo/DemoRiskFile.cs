namespace Waymark.Core.Demo;

// The risk register of a demo council (Demo/Risks/<slug>.risks.json): see docs/demo-data.md "Risks".
#pragma warning disable CA1819 // Arrays are the natural shape of a deserialised file.

/// <summary>The council's matrix size and its register.</summary>
public sealed record DemoRiskFile(DemoRiskMatrix Matrix, DemoRisk[]? Risks);

public sealed record DemoRiskMatrix(int LikelihoodLevels, int ImpactLevels);

/// <summary>
/// One risk as the plans state it (cause, event, consequence) with demonstration scores ([likelihood, impact]),
/// controls, reviews, the plans it is linked to, and, when it was restated or escalated, its closure or proposal.
/// </summary>
public sealed record DemoRisk(
    string Reference, string Title, string? Cause, string? Event, string? Consequence, string Category, string? Unit,
    string? OwnerPost, string? OwnerPerson, string[]? Plans, int[] Inherent, int[] Current, int[]? Target, string Response,
    DemoRiskControl[]? Controls, DemoRiskReview[]? Reviews, DemoRiskClosure? Closed, DemoRiskEscalation? Escalation);

public sealed record DemoRiskControl(string Description, string Effectiveness, string? OwnerPost);

public sealed record DemoRiskReview(DateOnly On, int[] Score);

public sealed record DemoRiskClosure(DateOnly On, string Reason);

public sealed record DemoRiskEscalation(DateOnly On, string By, string Reason);
