using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Waymark.Web.Tests.Support.LongestFirst", "Waymark.Web.Tests")]

// Three collections at a time on two cores: a browser collection spends much of its time waiting on Chromium and the
// server, so a third keeps the processor busy; more only made every test slower (six took longer in all).
[assembly: CollectionBehavior(MaxParallelThreads = 3)]

namespace Waymark.Web.Tests.Support;

/// <summary>
/// Starts the collections that take minutes on their own (the three browser collections, the two halves of the authorization
/// matrix, the command line run as processes) before the many short ones, so that the run does not end waiting for one of them.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Long =
    [
        Browser.BrowserTests.A, Browser.BrowserTests.B, Browser.BrowserTests.C,
        nameof(Security.AuthorizationMatrixTests), nameof(Security.AuthorizationMatrixUnpublishedTests), nameof(Cli.CliTests),
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Rank(c.DisplayName))
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    // A named collection is called by its name; a class's own collection "Test collection for <full class name>".
    private static int Rank(string displayName)
    {
        var index = Array.FindIndex(Long, name => displayName == name || displayName.EndsWith("." + name, StringComparison.Ordinal));
        return index < 0 ? Long.Length : index;
    }
}
