namespace Waymark.Core.Accounts;

/// <summary>
/// Who is acting in an organisation, with everything the permission rules need: their role, the
/// units their management covers, and the person and posts that make them an owner.
/// </summary>
public sealed record Actor(
    int UserId,
    string Name,
    int OrganisationId,
    Role Role,
    bool WholeOrganisation,
    IReadOnlySet<int> UnitIds,
    int? PersonId,
    IReadOnlySet<int> PostIds,
    bool ReadOnly = false)
{
    /// <summary>Whether a unit is within the subtree this actor's membership covers.</summary>
    public bool Covers(int? unitId) => WholeOrganisation || (unitId is { } id && UnitIds.Contains(id));

    /// <summary>Whether the actor owns something owned by this post or person.</summary>
    public bool Owns(int? ownerPostId, int? ownerPersonId) =>
        (ownerPersonId is { } person && person == PersonId) || (ownerPostId is { } post && PostIds.Contains(post));
}
