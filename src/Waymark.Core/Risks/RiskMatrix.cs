using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Core.Risks;

/// <summary>
/// An organisation's risk matrix: likelihood × impact scales (5×5 by default, 4×4 or another size by choice) with a
/// name and descriptor per level, impact criteria per type (financial bands, reputation, service delivery, health and
/// safety), named score bands with a colour and a review interval, the risk categories with their appetite, and the
/// score at which a service risk is proposed for the strategic register. One per organisation.
/// </summary>
public class RiskMatrix : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int LikelihoodLevels { get; set; }
    public int ImpactLevels { get; set; }

    /// <summary>A service risk whose current score is above this is proposed for the strategic register; none: never by score.</summary>
    public int? EscalationScore { get; set; }

    public List<RiskMatrixLevel> Levels { get; set; } = [];
    public List<RiskImpactType> ImpactTypes { get; set; } = [];
    public List<RiskScoreBand> Bands { get; set; } = [];
    public List<RiskCategory> Categories { get; set; } = [];

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Risk matrix {LikelihoodLevels}×{ImpactLevels}";
}

/// <summary>One level of a scale: 4 on likelihood is "Likely — more likely than not".</summary>
public class RiskMatrixLevel : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int MatrixId { get; set; }
    public RiskScale Scale { get; set; }
    public int Level { get; set; }
    public required string Name { get; set; }
    public string? Descriptor { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Scale} {Level} {Name}";
}

/// <summary>A type of impact the matrix defines per level ("Financial": "£0–10K" … "over £1m").</summary>
public class RiskImpactType : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int MatrixId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public List<RiskImpactCriterion> Criteria { get; set; } = [];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Impact type {Name}";
}

/// <summary>What one impact level means for one type of impact: a cell of the type × level grid.</summary>
public class RiskImpactCriterion : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ImpactTypeId { get; set; }
    public int Level { get; set; }
    public required string Text { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Impact level {Level}: {Text}";
}

/// <summary>A named range of scores ("High", 10–16), its colour from the fixed palette and how often its risks are reviewed.</summary>
public class RiskScoreBand : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int MatrixId { get; set; }
    public required string Name { get; set; }
    public RiskBandColour Colour { get; set; }
    public int MinScore { get; set; }
    public int MaxScore { get; set; }
    public int ReviewIntervalDays { get; set; }

    /// <summary>Lowest band first.</summary>
    public int SortOrder { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Band {Name} ({MinScore}–{MaxScore})";
}

/// <summary>A category of risk (strategic, service, partnership, project, or one the organisation adds) with its appetite.</summary>
public class RiskCategory : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int MatrixId { get; set; }
    public required string Name { get; set; }

    /// <summary>The highest current score the organisation accepts in this category; none: no appetite set.</summary>
    public int? AppetiteScore { get; set; }
    public int SortOrder { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Risk category {Name}";
}
