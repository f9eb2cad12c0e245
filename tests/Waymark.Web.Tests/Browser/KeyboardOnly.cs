using Microsoft.Playwright;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// Filling and submitting forms with the keyboard alone, as a keyboard user does: focus moves to a field (as Tab would
/// take it there), text is typed key by key, a select is moved with the arrow keys, a radio is chosen with Space, and
/// links and buttons are pressed with Enter. No mouse clicks.
/// </summary>
internal static class KeyboardOnly
{
    public static async Task TypeAsync(IPage page, string selector, string text)
    {
        var field = page.Locator(selector);
        await field.FocusAsync();
        await field.PressSequentiallyAsync(text);
    }

    /// <summary>Moves a select down with the arrow key until it shows the option whose value is <paramref name="value"/>.</summary>
    public static async Task ChooseAsync(IPage page, string selector, string value)
    {
        var select = page.Locator(selector);
        await select.FocusAsync();
        await select.PressAsync("Home");
        for (var i = 0; i < 500; i++)
        {
            if (await select.InputValueAsync() == value)
            {
                return;
            }

            await select.PressAsync("ArrowDown");
        }

        throw new Xunit.Sdk.XunitException($"The select {selector} on {page.Url} has no option {value}.");
    }

    /// <summary>Chooses a radio with Space.</summary>
    public static async Task CheckAsync(IPage page, string selector)
    {
        var radio = page.Locator(selector);
        await radio.FocusAsync();
        await radio.PressAsync("Space");
        await Assertions.Expect(radio).ToBeCheckedAsync();
    }

    /// <summary>Presses a link or button with Enter and waits for the page it leads to.</summary>
    public static async Task PressAsync(IPage page, ILocator target)
    {
        var before = page.Url;
        await target.FocusAsync();
        await target.PressAsync("Enter");
        await Assertions.Expect(page).Not.ToHaveURLAsync(before);
        await Assertions.Expect(page.Locator("main")).ToBeVisibleAsync();
    }
}
