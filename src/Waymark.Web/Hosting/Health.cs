using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Waymark.Core.Data;

namespace Waymark.Web.Hosting;

/// <summary>
/// Health endpoints for a load balancer or orchestrator: <c>/health/live</c> (the process answers; restart it if not),
/// <c>/health/ready</c> (the database answers and its migrations are current; send no traffic if not), and
/// <c>/health</c>, kept as it was, for the database alone. Each reports its checks as JSON, without details of the
/// database beyond "answers" or "does not".
/// </summary>
internal static class Health
{
    private const string Ready = "ready";

    public static void AddWaymarkHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready]);

    public static void MapWaymarkHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Name == "database" }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}

/// <summary>Healthy when every migration this version of Waymark knows has been applied to the database.</summary>
internal sealed class MigrationsHealthCheck(WaymarkDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0
            ? HealthCheckResult.Healthy("Every migration has been applied.")
            : HealthCheckResult.Unhealthy($"{pending} migration(s) to apply: run 'waymark migrate'.");
    }
}
