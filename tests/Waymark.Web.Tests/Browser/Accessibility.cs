using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// axe-core against WCAG 2.0, 2.1 and 2.2 A and AA and axe's best practices (landmarks, heading order, one main), in the
/// real browser; then reflow (WCAG 1.4.10): at 320 CSS pixels wide nothing makes the page scroll sideways.
/// </summary>
public static class Accessibility
{
    /// <summary>WCAG 1.4.10's width: 1280 pixels at 400% zoom.</summary>
    public const int ReflowWidth = 320;

    // What sticks out past the window's right edge, deepest first, leaving out what sits inside a scrolling region (a
    // wide table in its focusable region scrolls by itself, which 1.4.10 allows). Empty when the page does not scroll.
    private const string Overflowing = """
        () => {
          const width = window.innerWidth;
          if (document.documentElement.scrollWidth <= width) return [];
          // Whether a scrolling (or clipping) box holds it: its own element for text, else an ancestor that is its
          // containing block (something positioned absolutely escapes the boxes between it and its positioned ancestor).
          const scrolls = n => {
            let escaping = n.nodeType === 1 && ['absolute', 'fixed'].includes(getComputedStyle(n).position);
            for (let p = n.parentElement; p; p = p.parentElement) {
              const style = getComputedStyle(p);
              const containing = !escaping || style.position !== 'static';
              if (containing && ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) return true;
              if (containing) escaping = false;
              if (style.position === 'absolute' || style.position === 'fixed') escaping = true;
            }
            return false;
          };
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
            (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
            (e.dataset && e.dataset.testid ? '[data-testid=' + e.dataset.testid + ']' : '');
          // Elements wider than the window, and text that runs out of its element (a word too long to wrap).
          const range = document.createRange();
          const right = n => { if (n.nodeType === 1) return n.getBoundingClientRect().right;
            range.selectNodeContents(n); return range.getBoundingClientRect().right; };
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
          const wide = [];
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            // A text node's own element counts among its ancestors (an element's overflow clips its text).
            if (right(n) > width + 1 && !scrolls(n)) wide.push(n);
          }
          const deepest = wide.filter(e => !wide.some(o => o !== e && e.contains(o))).map(n => n.nodeType === 1 ? n : n.parentElement);
          return [`scrollWidth ${document.documentElement.scrollWidth} > ${width}`].concat([...new Set(deepest)].slice(0, 8).map(e =>
            name(e) + ' (right edge ' + Math.round(right(e)) + '): ' + (e.textContent || '').trim().slice(0, 60)));
        }
        """;

    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
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
        await AssertReflowsAsync(page);
    }

    /// <summary>What makes the page scroll sideways at <see cref="ReflowWidth"/> pixels (nothing when it reflows).</summary>
    public static async Task<IReadOnlyList<string>> OverflowAtReflowWidthAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // The same page, resized and back: no reload, so a form with its errors stays as it is, and it costs little.
        var (width, height) = page.ViewportSize is { } size ? (size.Width, size.Height) : (1280, 900);
        await page.SetViewportSizeAsync(ReflowWidth, height);
        try
        {
            return await page.EvaluateAsync<string[]>(Overflowing);
        }
        finally
        {
            await page.SetViewportSizeAsync(width, height);
        }
    }

    public static async Task AssertReflowsAsync(IPage page)
    {
        var overflow = await OverflowAtReflowWidthAsync(page);
        Assert.True(overflow.Count == 0, $"{page.Url} scrolls sideways at {ReflowWidth} pixels wide:\n{string.Join("\n", overflow)}");
    }
}
