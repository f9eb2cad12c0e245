using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Waymark.Core.Tests.Support;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Hosting;

/// <summary><c>/health/live</c> and <c>/health/ready</c> on a database that is up to date.</summary>
[Collection(ReadOnlyApp.Name)]
public class HealthTests(WaymarkFactory factory)
{
    [Theory]
    [InlineData("/health/live", 0)]
    [InlineData("/health/ready", 2)]
    public async Task Health_OnAnUpToDateDatabase_IsHealthy_WithItsChecksAsJson(string path, int checks)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(checks, body.RootElement.GetProperty("checks").EnumerateObject().Count());
    }
}

/// <summary>A server started on a database whose migrations have not been applied is alive but not ready.</summary>
public class HealthWithPendingMigrationsTests : IAsyncLifetime
{
    private readonly PendingMigrationsFactory factory = new();

    public Task InitializeAsync() => factory.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)factory).DisposeAsync();

    [Fact]
    public async Task Ready_WithMigrationsPending_Returns503NamingTheCheck_WhileLiveIsHealthy()
    {
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("migrations").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>On an empty database, told neither to migrate nor to load the demo councils.</summary>
    private sealed class PendingMigrationsFactory : WaymarkFactory
    {
        protected override bool StartsFromFirstStartCopy => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Waymark:Database:MigrateOnStart", "false");
            builder.UseSetting("Waymark:Demo:LoadOnFirstStart", "false");
        }
    }
}
