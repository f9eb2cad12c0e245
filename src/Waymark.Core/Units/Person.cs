using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Core.Units;

public enum PersonKind
{
    Officer = 0,
    Councillor = 1,
}

/// <summary>A named officer or councillor. A person may later be linked to a user account.</summary>
public class Person : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Name { get; set; }
    public PersonKind Kind { get; set; }

    /// <summary>The unit an officer works in, when known without a post (plans name people as lead officers).</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public List<Post> Posts { get; set; } = [];

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Name;
}
