using Waymark.Core.Audit;
using Waymark.Core.Organisations;

namespace Waymark.Core.Framework;

/// <summary>
/// "Contributes to": a many-to-many link between nodes in different branches, e.g. a service
/// objective contributing to a council aim and approach.
/// </summary>
public class ObjectiveLink : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    public int FromObjectiveId { get; set; }
    public Objective? FromObjective { get; set; }

    public int ToObjectiveId { get; set; }
    public Objective? ToObjective { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{FromObjectiveId} contributes to {ToObjectiveId}";
}
