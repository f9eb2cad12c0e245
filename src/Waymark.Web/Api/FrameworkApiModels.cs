namespace Waymark.Web.Api;

// The framework as the API returns it. Periods are written as the organisation writes them ("2009/10").

public sealed record LevelDto(string Key, string Name, string PluralName, string? Description);

public sealed record FrameworkNodeDto(
    int Id, string? Reference, string Title, string Level, string LevelName, string? Start, string? End,
    IReadOnlyList<FrameworkNodeDto> Children);

public sealed record ObjectiveRefDto(int Id, string? Reference, string Title, string LevelName);

public sealed record ObjectiveDto(
    int Id, string? Reference, string Title, string? Description, string Level, string LevelName,
    string? Start, string? End, ObjectiveRefDto? Parent, IReadOnlyList<ObjectiveRefDto> Ancestors,
    IReadOnlyList<ObjectiveRefDto> Children, IReadOnlyList<ObjectiveRefDto> ContributesTo,
    IReadOnlyList<ObjectiveRefDto> ContributedToBy, string? Unit, PostRefDto? OwnerPost, PersonRefDto? OwnerPerson,
    int? UnitId, Guid Version);

// What clients send to change the framework. Every field may be missing, so that a missing field gets a per-field
// validation message rather than a bare 400. "version" is the one last read: a save against an older version is
// refused (409) with the current record.

/// <summary>A framework node to create or update. Periods are financial years as written: "2011/12".</summary>
public sealed record ObjectiveWriteDto(
    string? Level, int? ParentId, string? Reference, string? Title, string? Description,
    int? UnitId, int? OwnerPostId, int? OwnerPersonId, string? Start, string? End, Guid? Version);

public sealed record LinkWriteDto(int? ToId);
