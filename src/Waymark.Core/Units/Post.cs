using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Core.Units;

/// <summary>
/// A job in a unit ("Partnerships Manager"). Plans often name the post rather than the person,
/// so ownership can point at a post; the post may be vacant.
/// </summary>
public class Post : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string Title { get; set; }
    public int? HolderId { get; set; }
    public Person? Holder { get; set; }
    public int SortOrder { get; set; }

    /// <summary>"Partnerships Manager (Jane Smith)", or "(vacant)".</summary>
    public string Describe() => Holder is null ? $"{Title} (vacant)" : $"{Title} ({Holder.Name})";

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Title;
}
