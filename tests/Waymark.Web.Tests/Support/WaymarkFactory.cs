using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Tests.Support;

namespace Waymark.Web.Tests.Support;

/// <summary>
/// Waymark in memory on its own fresh database (the provider this test run is for), migrated and
/// with the demo councils loaded, exactly as a first start would: a copy of the database a first start
/// wrote once in this test run (<see cref="FirstStartDatabaseAsync"/>).
/// </summary>
public class WaymarkFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; protected set; } = null!;

    /// <summary>A path that throws, to prove the error page shows no details.</summary>
    public const string ThrowingPath = "/test-only/throw";

    /// <summary>The audit trail's name for changes the tests make directly, to tell them from the app's.</summary>
    public const string SetupActor = "test setup";

    /// <summary>The password every test account is given (see <see cref="SetKnownPasswordAsync"/>).</summary>
    public const string KnownPassword = "correct horse battery staple 42";

    /// <summary>High for most tests, which sign in often; the rate-limit test sets its own.</summary>
    protected virtual int SignInAttemptsPerMinute => 100_000;

    /// <summary>High for most tests, which try wrong tokens now and then; the limit tests set their own.</summary>
    protected virtual int ApiFailedAuthenticationsPerMinute => 100_000;

    /// <summary>
    /// A request header that sets the connection's client address (the in-memory server has none), so that tests can
    /// be several clients, or a reverse proxy.
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Whether this host's background scheduler runs (off in most tests, which run the job themselves when they need it).</summary>
    protected virtual bool SchedulerEnabled => false;

    /// <summary>Another node of the same installation: its own host and services, on this factory's database.</summary>
    public WaymarkFactory SecondNode() => new() { Database = Database };

    /// <summary>
    /// Whether the database starts as a copy of the first start's (the default). A factory whose settings change what
    /// a first start writes says false, and its host migrates and loads the demo for itself.
    /// </summary>
    protected virtual bool StartsFromFirstStartCopy => true;

    public virtual async Task InitializeAsync() =>
        Database = StartsFromFirstStartCopy ? await FirstStartDatabaseAsync() : await TestDatabase.CreateAsync();

    /// <summary>
    /// A new database holding what the app's first start writes (migrations, the demo councils, their accounts): a copy
    /// of a template that the real first start (<c>DatabaseInitializer</c>, in a host like this one) wrote once in this
    /// test run. Starting on it, the app migrates nothing and loads no demo, as on any later start.
    /// </summary>
    public static Task<TestDatabase> FirstStartDatabaseAsync() => TestDatabase.FromTemplateAsync("first-start", async template =>
    {
        await using var firstStart = new WaymarkFactory { Database = template };
        _ = firstStart.Services;
    });

    /// <summary>Gives an account the known password and clears "must change password".</summary>
    public async Task SetKnownPasswordAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Waymark.Core.Audit.AuditContext>().Set(null, SetupActor, "tests");
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Waymark.Core.Accounts.User>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}.");
        user.PasswordHash = users.PasswordHasher.HashPassword(user, KnownPassword);
        user.MustChangePassword = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not set the password of {userName}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>A client (cookies kept, redirects not followed) signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        await SetKnownPasswordAsync(userName);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await client.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = KnownPassword });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>A client that calls the API with a new personal access token of this account.</summary>
    public async Task<HttpClient> TokenClientAsync(string userName, bool readOnly = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Waymark.Core.Accounts.User>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No account {userName}.");
        var token = await scope.ServiceProvider.GetRequiredService<Waymark.Core.Accounts.ApiTokenService>()
            .CreateAsync(user.Id, "tests", readOnly, 30);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Secret);
        return client;
    }

    /// <summary>The demo account for a role in a demo council.</summary>
    public static string Demo(Waymark.Core.Accounts.Role role, string slug = "south-cambridgeshire") => Waymark.Web.Accounts.DemoUsers.UserName(role, slug);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Waymark:Database:Provider", Database.Settings.Provider.ToString());
        builder.UseSetting("Waymark:Database:ConnectionString", Database.Settings.ConnectionString);
        builder.UseSetting("Waymark:Database:MigrateOnStart", "true");
        builder.UseSetting("Waymark:Demo:LoadOnFirstStart", "true");
        builder.UseSetting("Waymark:Security:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Waymark:Security:ApiFailedAuthenticationsPerMinute", ApiFailedAuthenticationsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The message scheduler runs only in the tests that run it.
        builder.UseSetting("Waymark:Scheduler:Enabled", SchedulerEnabled ? "true" : "false");
        // Fast hashes for test accounts only; the production default is 600,000 rounds.
        builder.UseSetting("Waymark:Security:PasswordHashIterations", "1000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingEndpointFilter>();
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFilter>();
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Sets the connection's address from <see cref="ClientAddressHeader"/>, before anything else sees the request.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, Func<Task> nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                await nextMiddleware();
            });
            next(app);
        };
    }

    /// <summary>Adds, behind the whole pipeline, a request that fails with an exception.</summary>
    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (HttpContext context, Func<Task> nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments(ThrowingPath, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("Secret internal detail: stack trace must not be shown");
                }

                await nextMiddleware();
            });
        };
    }
}
