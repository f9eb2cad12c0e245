using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Hosting;

/// <summary>
/// Logs, metrics and traces. Logs go to the console, as lines of JSON when <c>Waymark:Logging:Json</c> is true (or
/// with the standard <c>Logging:Console:FormatterName=json</c>), each carrying the request's id, organisation and user
/// id from its scope. Metrics and traces (ASP.NET Core, EF Core and the database client, outgoing HTTP) are exported
/// over OTLP only when an endpoint is configured (<c>Waymark:Telemetry:OtlpEndpoint</c> or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); with none, nothing is collected.
/// </summary>
internal static class Observability
{
    public static void AddWaymarkObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration.GetValue("Waymark:Logging:Json", defaultValue: false))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var endpoint = configuration["Waymark:Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        var target = new Uri(endpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "waymark"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("Npgsql")
                .AddOtlpExporter(o => o.Endpoint = target))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", "Npgsql")
                .AddOtlpExporter(o => o.Endpoint = target));
    }
}

/// <summary>
/// Puts the organisation (its slug) and the signed-in user's id into the logging scope of the rest of the request, so
/// that every line logged while serving it says whose it was (the request id is in the host's own scope). Never the
/// user's name, a password or a token.
/// </summary>
internal sealed class RequestLogScope(RequestDelegate next, ILogger<RequestLogScope> logger)
{
    public async Task InvokeAsync(HttpContext context, OrganisationScope scope)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Organisation"] = scope.Organisation?.Slug,
            ["UserId"] = WaymarkClaims.UserId(context.User),
        };
        using (logger.BeginScope(fields))
        {
            await next(context);
        }
    }
}
