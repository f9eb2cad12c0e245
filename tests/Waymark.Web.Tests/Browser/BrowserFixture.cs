using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// Waymark on Kestrel at 127.0.0.1 (a real port) with the demo councils, its mail path pointed at a real SMTP server
/// in the test process (<see cref="Messages.MailFactory"/>; the scheduler is off, a journey runs the job itself), and
/// Debian's Chromium driven by Playwright. Shared by every browser test of a collection.
/// </summary>
public sealed partial class BrowserFixture : IAsyncLifetime
{
    private readonly Messages.MailFactory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_factory).InitializeAsync();
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

        var profile = Path.Combine(Path.GetTempPath(), "waymark-chromium", Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", Path.Combine(profile, "config"));
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", Path.Combine(profile, "cache"));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public WaymarkFactory Factory => _factory;

    /// <summary>The SMTP server that receives what the app sends.</summary>
    public TestSmtpServer Smtp => _factory.Smtp;

    /// <summary>A fresh page signed in as the account (through the real sign-in form).</summary>
    public async Task<BrowserPage> SignedInPageAsync(string userName)
    {
        await _factory.SetKnownPasswordAsync(userName);
        var browser = await NewPageAsync();
        await SignInAsync(browser.Page, userName, WaymarkFactory.KnownPassword);
        return browser;
    }

    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Username").FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        // The answer to the sign-in post is awaited explicitly (with a longer limit than a page's), so that a slow answer
        // is reported with its status and time rather than as a bare navigation timeout. The listener is set up before
        // the click, so the answer cannot be missed.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("sign-in").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/sign-in",
            new() { Timeout = 90_000 });
        if (answer.Status != 302)
        {
            // The form again (or an error): say why, rather than time out.
            await Assertions.Expect(page.Locator("main")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            var problem = await page.Locator("main").InnerTextAsync();
            throw new InvalidOperationException(
                $"Signing in as {userName} failed (status {answer.Status} after {started.ElapsedMilliseconds} ms):\n{problem}");
        }

        // Then the page it redirects to. Not WaitForLoadStateAsync: in the .NET client a load event that arrives while the
        // wait is being set up is lost (seen as a 90-second timeout after "networkidle" had fired), whereas these
        // assertions poll in the browser until the new page is there.
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInAddress(), new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("main")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        if (started.Elapsed > TimeSpan.FromSeconds(10))
        {
            Console.Error.WriteLine($"Slow sign-in as {userName}: {started.ElapsedMilliseconds} ms (status {answer.Status}).");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/sign-in(\?|$)")]
    private static partial System.Text.RegularExpressions.Regex SignInAddress();

    /// <summary>A fresh page; every console error and page error is recorded for the test to assert on.</summary>
    public async Task<BrowserPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Fail fast rather than hang: nothing here should take anywhere near this long.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await ((IAsyncLifetime)_factory).DisposeAsync();
        await _factory.Smtp.DisposeAsync();
    }
}

/// <summary>A page and its context, with the errors the browser reported.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
    }

    public IPage Page { get; }

    /// <summary>Console errors (including Content-Security-Policy refusals) and uncaught script errors.</summary>
    public List<string> Errors { get; } = [];

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

/// <summary>
/// The browser tests, in three collections of about the same length (A, B, C) that run side by side and alongside the
/// other tests, and are started first (<see cref="Support.LongestFirst"/>): each has its own server and Chromium (one
/// <see cref="BrowserFixture"/> each), and the tests within a collection run one after another.
/// </summary>
public static class BrowserTests
{
    public const string A = "Browser A";
    public const string B = "Browser B";
    public const string C = "Browser C";
}

[CollectionDefinition(BrowserTests.A)]
public sealed class BrowserTestsA : ICollectionFixture<BrowserFixture>;

[CollectionDefinition(BrowserTests.B)]
public sealed class BrowserTestsB : ICollectionFixture<BrowserFixture>;

[CollectionDefinition(BrowserTests.C)]
public sealed class BrowserTestsC : ICollectionFixture<BrowserFixture>;
