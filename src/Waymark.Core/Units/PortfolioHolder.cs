using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Core.Units;

/// <summary>A councillor who holds a portfolio that covers a unit ("Partnerships: Cllr Ray Manning, Leader").</summary>
public class PortfolioHolder : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public required string Portfolio { get; set; }

    /// <summary>Anything the plan says beside the name ("Leader").</summary>
    public string? Note { get; set; }

    public int SortOrder { get; set; }

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Portfolio;
}
