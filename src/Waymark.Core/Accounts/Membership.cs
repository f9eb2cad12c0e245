using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Core.Accounts;

/// <summary>
/// A user's place in one organisation: their role, the unit subtree their management covers, and
/// the person they are there (which makes them owner of what that person and their posts own).
/// </summary>
public class Membership : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    public int UserId { get; set; }
    public User? User { get; set; }

    public Role Role { get; set; }

    /// <summary>The top of the unit subtree this member works in; null for the whole organisation.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>The person this member is in the organisation's records (for ownership).</summary>
    public int? PersonId { get; set; }
    public Person? Person { get; set; }

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Role.DisplayName();
}
