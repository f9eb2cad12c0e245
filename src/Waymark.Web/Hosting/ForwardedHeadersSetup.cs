using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Waymark.Web.Hosting;

/// <summary>
/// Behind a reverse proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the proxies
/// listed in <c>Waymark:Network:KnownProxies</c> (addresses) or <c>Waymark:Network:KnownNetworks</c> (CIDR ranges),
/// so that the client address (rate limits, the audit trail's source) and HTTPS detection see the real client.
/// With neither set the headers are ignored: anyone could send them.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string Section = "Waymark:Network";

    public static void AddWaymarkForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Read(configuration, "KnownProxies", IPAddress.Parse);
        var networks = Read(configuration, "KnownNetworks", System.Net.IPNetwork.Parse);
        services.AddSingleton(new ForwardedHeadersSettings(proxies.Count + networks.Count > 0));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only what is configured: not even the loopback address that ASP.NET trusts by default.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }

            // Several proxies in a row (a load balancer, then nginx) are followed back while each is a known one.
            o.ForwardLimit = null;
        });
    }

    public static void UseWaymarkForwardedHeaders(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<ForwardedHeadersSettings>().Enabled)
        {
            app.UseForwardedHeaders();
        }
    }

    private static List<T> Read<T>(IConfiguration configuration, string name, Func<string, T> parse)
    {
        var section = configuration.GetSection($"{Section}:{name}");
        // A list (KnownProxies:0, KnownProxies:1 …) or one value separated by commas (easier in an environment variable).
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return [.. values.Select(v =>
        {
            try
            {
                return parse(v);
            }
            catch (FormatException e)
            {
                throw new InvalidOperationException($"{Section}:{name} holds '{v}', which is not an IP address or network (such as 10.0.0.5 or 10.0.0.0/8).", e);
            }
        })];
    }

    private sealed record ForwardedHeadersSettings(bool Enabled);
}
