using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Core.Framework;

/// <summary>
/// A node of the framework (the golden thread): vision, aim, approach, council action, service
/// objective, supporting objective… Its level says which.
/// </summary>
public class Objective : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    public int LevelId { get; set; }
    public FrameworkLevel? Level { get; set; }

    public int? ParentId { get; set; }
    public Objective? Parent { get; set; }
    public List<Objective> Children { get; set; } = [];

    /// <summary>As the plan writes it: "A", "A1", "A iv", "PPC 5", "1.2.3". May be empty.</summary>
    public string? Reference { get; set; }

    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>The unit the node belongs to (service objectives belong to a service area).</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>Owner as a post (preferred: survives staff changes) …</summary>
    public int? OwnerPostId { get; set; }
    public Post? OwnerPost { get; set; }

    /// <summary>… or as a named person when the plan names one without a post.</summary>
    public int? OwnerPersonId { get; set; }
    public Person? OwnerPerson { get; set; }

    public Period? StartPeriod { get; set; }
    public Period? EndPeriod { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Links from this node to nodes it contributes to.</summary>
    public List<ObjectiveLink> ContributesTo { get; set; } = [];

    /// <summary>Links from other nodes that contribute to this one.</summary>
    public List<ObjectiveLink> ContributedToBy { get; set; } = [];

    /// <summary>"A1 Title", or just the title when there is no reference.</summary>
    public string Label => string.IsNullOrWhiteSpace(Reference) ? Title : $"{Reference} {Title}";

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Label;
}
