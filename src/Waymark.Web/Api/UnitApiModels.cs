namespace Waymark.Web.Api;

// Units, posts and people as the API returns them, and the bodies that change them ("version" is the one last read: a
// save against an older version is refused with 409 and the current record).

public sealed record PersonRefDto(int Id, string Name);

public sealed record PostRefDto(int Id, string Title, PersonRefDto? Holder, Guid Version);

public sealed record PortfolioHolderDto(string Portfolio, PersonRefDto Councillor, string? Note);

public sealed record UnitDto(
    int Id, int? ParentId, string Name, string? Kind, string? Description, PostRefDto? Head,
    IReadOnlyList<PortfolioHolderDto> PortfolioHolders, IReadOnlyList<PostRefDto> Posts, Guid Version);

public sealed record PostDto(int Id, int UnitId, string Title, PersonRefDto? Holder, Guid Version);

public sealed record UnitWriteDto(int? ParentId, string? Name, string? Kind, string? Description, int? HeadPostId, Guid? Version);

public sealed record PostWriteDto(string? Title, int? HolderId, Guid? Version);

/// <summary>A unit as other records name it: its id and name.</summary>
public sealed record UnitRefDto(int Id, string Name);
