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
/// with the demo councils loaded on start, exactly as a first start would.
/// </summary>
public class WaymarkFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    /// <summary>A path that throws, to prove the error page shows no details.</summary>
    public const string ThrowingPath = "/test-only/throw";

    public virtual async Task InitializeAsync() => Database = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Waymark:Database:Provider", Database.Settings.Provider.ToString());
        builder.UseSetting("Waymark:Database:ConnectionString", Database.Settings.ConnectionString);
        builder.UseSetting("Waymark:Database:MigrateOnStart", "true");
        builder.UseSetting("Waymark:Demo:LoadOnFirstStart", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingEndpointFilter>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
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
