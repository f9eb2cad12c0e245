namespace Waymark.Core.Organisations;

/// <summary>
/// A row that belongs to one organisation. The DbContext filters every such set to the
/// current organisation (<see cref="OrganisationScope"/>).
/// </summary>
public interface IOrganisationOwned
{
    int OrganisationId { get; set; }
}
