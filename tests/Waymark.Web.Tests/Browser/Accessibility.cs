using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Waymark.Web.Tests.Browser;

/// <summary>axe-core against WCAG 2.0, 2.1 and 2.2 A and AA, in the real browser.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
        },
    };

    /// <summary>The same rules run axe's default way (each frame, then a page of its own to finish): for a test that proves the two agree.</summary>
    public static Task<AxeResult> CheckFramedAsync(IPage page) => page.RunAxe(Options);

    public static async Task<AxeResult> CheckAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Legacy mode runs axe.run in the page itself. The default (runPartial in every frame, then finishRun in a new
        // page that axe is injected into again) costs a page and a second injection per check; Waymark's pages have
        // no frames, so the results are the same.
#pragma warning disable CS0618 // Legacy mode is marked for removal in a later Deque release; the version is pinned.
        return await page.Locator("html").RunAxeLegacy(Options);
#pragma warning restore CS0618
    }

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await CheckAsync(page);
        var problems = result.Violations.SelectMany(v => v.Nodes.Select(n =>
            $"{v.Id} ({v.Impact}): {v.Help} at {n.Target} – {v.HelpUrl}")).ToList();
        Assert.True(problems.Count == 0, $"Accessibility violations on {page.Url}:\n{string.Join("\n", problems)}");
        Assert.NotEmpty(result.Passes);
    }
}
