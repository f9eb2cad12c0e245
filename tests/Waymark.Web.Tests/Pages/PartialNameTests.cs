using Waymark.Core.Tests;

namespace Waymark.Web.Tests.Pages;

/// <summary>
/// Razor looks for a partial in the page's own folder before Pages/Shared, so a partial that shares
/// a file name with another hides it for every page below its folder, even when their models differ.
/// </summary>
public class PartialNameTests
{
    // These two are meant to stand in many folders: Razor applies each of them in turn.
    private static readonly HashSet<string> Hierarchical = new(StringComparer.OrdinalIgnoreCase) { "_ViewImports.cshtml", "_ViewStart.cshtml" };

    [Fact]
    public void Partials_UnderPages_EachHaveTheirOwnFileName()
    {
        var pages = RepositoryFiles.PathOf("src", "Waymark.Web", "Pages");
        var partials = Directory.EnumerateFiles(pages, "_*.cshtml", SearchOption.AllDirectories)
            .Where(f => !Hierarchical.Contains(Path.GetFileName(f)))
            .ToList();

        var shared = partials
            .GroupBy(f => Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" and ", g.Select(f => Path.GetRelativePath(pages, f))))
            .ToList();

        Assert.Contains(partials, f => Path.GetFileName(f) == "_Textarea.cshtml");
        Assert.True(shared.Count == 0, "Partials that hide one another: " + string.Join("; ", shared));
    }
}
