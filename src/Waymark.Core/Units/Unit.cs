using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Core.Units;

/// <summary>A node of the organisation's structure: directorate or service area, then team.</summary>
public class Unit : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public List<Unit> Children { get; set; } = [];

    public required string Name { get; set; }

    /// <summary>What the organisation calls this kind of unit ("Service area", "Team").</summary>
    public string? Kind { get; set; }

    public string? Description { get; set; }

    /// <summary>The post that heads the unit (head of service, team manager).</summary>
    public int? HeadPostId { get; set; }
    public Post? HeadPost { get; set; }

    public int SortOrder { get; set; }

    public List<Post> Posts { get; set; } = [];
    public List<PortfolioHolder> PortfolioHolders { get; set; } = [];

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Name;
}
