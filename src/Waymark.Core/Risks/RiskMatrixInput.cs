namespace Waymark.Core.Risks;

/// <summary>
/// The contents of a matrix as entered, for its present size: the levels' names and descriptors, the impact criteria
/// (a type with one text per impact level), the bands, the categories with their appetite and the escalation score.
/// Numbers are text, read (and refused with a message) by the editor. A type, band or category with no name is left out.
/// </summary>
public sealed record RiskMatrixInput
{
    public IReadOnlyList<RiskLevelInput> Likelihood { get; init; } = [];
    public IReadOnlyList<RiskLevelInput> Impact { get; init; } = [];
    public IReadOnlyList<RiskImpactTypeInput> ImpactTypes { get; init; } = [];
    public IReadOnlyList<RiskBandInput> Bands { get; init; } = [];
    public IReadOnlyList<RiskCategoryInput> Categories { get; init; } = [];
    public string? EscalationScore { get; init; }

    /// <summary>The person has seen how many open risks the change sends back for re-assessment, and goes on.</summary>
    public bool ConfirmReassessment { get; init; }
}

public sealed record RiskLevelInput(string? Name, string? Descriptor);

public sealed record RiskImpactTypeInput(string? Name, IReadOnlyList<string?> Criteria);

public sealed record RiskBandInput(string? Name, RiskBandColour Colour, string? MinScore, string? MaxScore, string? ReviewIntervalDays);

/// <summary>A category: <paramref name="Id"/> for one that exists (renamed in place, so its risks keep it), none for a new one.</summary>
public sealed record RiskCategoryInput(int? Id, string? Name, string? AppetiteScore);
