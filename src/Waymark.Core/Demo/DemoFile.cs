namespace Waymark.Core.Demo;

// The shape of a demo council's data file (Demo/Data/*.json). Property names are camelCase in JSON.
#pragma warning disable CA1819 // Arrays are the natural shape of a deserialised file.

public sealed record DemoFile(DemoOrganisation Organisation, DemoLevel[]? Levels, DemoPerson[]? People, DemoUnit[]? Units, DemoNode[]? Framework);

public sealed record DemoOrganisation(string Name, string ShortName, string Slug, int? YearStartMonth, string? Description);

public sealed record DemoLevel(string Key, string Name, string Plural, string? Description);

public sealed record DemoPerson(string Key, string Name, string? Kind, string? Unit);

public sealed record DemoUnit(
    string Key, string Name, string? Kind, string? Description, string? HeadPost,
    DemoPortfolioHolder[]? PortfolioHolders, DemoPost[]? Posts, DemoUnit[]? Units);

public sealed record DemoPortfolioHolder(string Person, string Portfolio, string? Note);

public sealed record DemoPost(string Key, string Title, string? Holder);

public sealed record DemoNode(
    string Key, string Level, string? Ref, string Title, string? Description,
    string? OwnerPost, string? OwnerPerson, string? Unit, string? Start, string? End,
    string[]? ContributesTo, DemoNode[]? Children);
