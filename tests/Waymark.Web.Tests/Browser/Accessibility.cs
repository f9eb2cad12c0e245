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

    public static async Task<AxeResult> CheckAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.RunAxe(Options);
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
