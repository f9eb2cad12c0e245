using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Core.Breakdowns;

/// <summary>
/// A place an organisation reports by: a ward, a parish, a town (its own word, <see cref="Kind"/>). Indicators broken
/// down by place have a figure for each.
/// </summary>
public class Place : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Name { get; set; }

    /// <summary>What the organisation calls it: "Ward", "Parish", "Town".</summary>
    public string? Kind { get; set; }
    public int SortOrder { get; set; }
    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => string.IsNullOrWhiteSpace(Kind) ? Name : $"{Name} ({Kind})";
}
