namespace Waymark.Web.Api;

// What the API returns. Periods are written as the organisation writes them ("2009/10").

public sealed record OrganisationDto(string Slug, string Name, string ShortName, string? Description, int YearStartMonth, bool IsDemo);

public sealed record PersonRefDto(int Id, string Name);

public sealed record PostRefDto(int Id, string Title, PersonRefDto? Holder);

public sealed record PortfolioHolderDto(string Portfolio, PersonRefDto Councillor, string? Note);

public sealed record UnitDto(
    int Id, int? ParentId, string Name, string? Kind, string? Description, PostRefDto? Head,
    IReadOnlyList<PortfolioHolderDto> PortfolioHolders, IReadOnlyList<PostRefDto> Posts);

public sealed record LevelDto(string Key, string Name, string PluralName, string? Description);

public sealed record FrameworkNodeDto(
    int Id, string? Reference, string Title, string Level, string LevelName, string? Start, string? End,
    IReadOnlyList<FrameworkNodeDto> Children);

public sealed record ObjectiveRefDto(int Id, string? Reference, string Title, string LevelName);

public sealed record ObjectiveDto(
    int Id, string? Reference, string Title, string? Description, string Level, string LevelName,
    string? Start, string? End, ObjectiveRefDto? Parent, IReadOnlyList<ObjectiveRefDto> Ancestors,
    IReadOnlyList<ObjectiveRefDto> Children, IReadOnlyList<ObjectiveRefDto> ContributesTo,
    IReadOnlyList<ObjectiveRefDto> ContributedToBy, string? Unit, PostRefDto? OwnerPost, PersonRefDto? OwnerPerson);
