namespace Waymark.Core.Risks;

/// <summary>
/// Which risks a register view shows: a register, a unit, a plan or a category, narrowed by band, owner, overdue review,
/// above appetite or "Red for N quarters"; a heat-map cell (likelihood × impact of one assessment) narrows it to that
/// cell. Closed risks only when asked for.
/// </summary>
public sealed record RiskFilter
{
    public RiskRegisterLevel? Register { get; init; }
    public int? UnitId { get; init; }
    public int? PlanId { get; init; }
    public int? CategoryId { get; init; }

    /// <summary>A band of the matrix, by name ("High").</summary>
    public string? Band { get; init; }
    public int? OwnerPostId { get; init; }
    public int? OwnerPersonId { get; init; }
    public bool OverdueReview { get; init; }
    public bool AboveAppetite { get; init; }

    /// <summary>Red for at least this many quarters in a row, up to this one.</summary>
    public int? RedForQuarters { get; init; }
    public bool IncludeClosed { get; init; }

    /// <summary>The assessment that <see cref="Band"/>, <see cref="Likelihood"/> and <see cref="Impact"/> read (current unless chosen).</summary>
    public RiskAssessment Assessment { get; init; }
    public int? Likelihood { get; init; }
    public int? Impact { get; init; }
}

/// <summary>One risk as a register shows it, with the scores, band, "last quarter" column and flags.</summary>
public sealed record RiskRow(
    int Id, string Reference, string Title, string Category, RiskRegisterLevel Register, string? Unit, string? Owner,
    int InherentScore, int CurrentLikelihood, int CurrentImpact, int CurrentScore, int? TargetScore, RiskScoreBand? Band,
    int? LastQuarterScore, RiskMovement Movement, DateOnly? ReviewDue, bool ReviewOverdue, bool AboveAppetite,
    int RedForQuarters, bool NeedsReassessment, RiskState State, bool IsDemonstration);

/// <summary>A page of a register view.</summary>
public sealed record RiskRegisterPage(IReadOnlyList<RiskRow> Rows, int Total, int Page, int PageSize, Periods.Period Quarter);

/// <summary>One cell of the heat map: how many risks score likelihood × impact, the band, and how they moved since last quarter.</summary>
public sealed record HeatMapCell(int Likelihood, int Impact, int Score, RiskScoreBand? Band, int Count, int MovedUp, int MovedDown, bool AboveAppetite);

/// <summary>The heat map of a view: a cell for every likelihood × impact, and the appetite drawn on it (when one applies).</summary>
public sealed record HeatMap(RiskMatrix Matrix, RiskAssessment Assessment, IReadOnlyList<HeatMapCell> Cells, int? Appetite, int Total, int WithoutScore);
