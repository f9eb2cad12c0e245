using Microsoft.Extensions.Diagnostics.HealthChecks;
using Waymark.Core.Data;

namespace Waymark.Web.Hosting;

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(WaymarkDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
