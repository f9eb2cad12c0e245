using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Waymark.Web.Tests.Security;

/// <summary>One way into the app: a method and a route pattern (with a page handler name for named handlers).</summary>
public sealed record RouteCase(string Method, string Pattern, string? Handler = null)
{
    public string Key => Handler is null ? $"{Method} {Pattern}" : $"{Method} {Pattern}?handler={Handler}";

    public override string ToString() => Key;
}

/// <summary>Every endpoint the app serves, read from its own route table (pages with each of their handlers).</summary>
public static class EndpointCatalog
{
    public static async Task<IReadOnlyList<RouteCase>> ReadAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var cases = new List<RouteCase>();
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            pattern = Normalise(pattern);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                if (compiled.HandlerMethods.Count == 0)
                {
                    cases.Add(new RouteCase(HttpMethods.Get, pattern)); // A page with no model answers GET.
                }

                foreach (var handler in compiled.HandlerMethods)
                {
                    cases.Add(new RouteCase(handler.HttpMethod.ToUpperInvariant(), pattern, handler.Name));
                }

                continue;
            }

            if (pattern.Contains("{*", StringComparison.Ordinal))
            {
                continue; // The API's catch-all 404.
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            cases.AddRange(methods.Select(m => new RouteCase(m, pattern)));
        }

        return cases.Distinct().OrderBy(c => c.Pattern, StringComparer.Ordinal).ThenBy(c => c.Method, StringComparer.Ordinal).ToList();
    }

    /// <summary>Route constraints are left out of the key ("{id:int}" → "{id}").</summary>
    private static string Normalise(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:[^}?]+)?(\?)?\}", m => "{" + m.Groups[1].Value + m.Groups[3].Value + "}");
}
