using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Core.Framework;

/// <summary>
/// A level of an organisation's framework ("Aim", "Approach", "Council action"). Level names are
/// configuration, not types: one council's "Aim" is another's "Priority".
/// </summary>
public class FrameworkLevel : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>Stable key within the organisation ("aim"), used by data files and the API.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }
    public required string PluralName { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Name;
}
