namespace Waymark.Web.Tests.Support;

/// <summary>
/// One app host (a <see cref="WaymarkFactory"/> on one copy of the first start's database) shared by the test classes
/// that only read: pages, links, downloads, the route table, the read API. Starting a host on a database copy of its own
/// costs seconds for each class. A class that changes anything other tests could see keeps its own factory
/// (<c>IClassFixture&lt;WaymarkFactory&gt;</c>); signing in and API tokens are fine here.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReadOnlyApp : ICollectionFixture<WaymarkFactory>
{
    public const string Name = "Read-only app";
}
