using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// The app's routes — method, template, page handler and the policies that guard it — against the reviewed list in
/// <c>Security/routes.txt</c>. Moving a page or an endpoint must not change a route or its policy by accident: a change
/// here is a decision, made by updating the file (set WAYMARK_WRITE_ROUTES=1 to write it afresh, then review the diff).
/// </summary>
[Collection(ReadOnlyApp.Name)]
public class RouteTableTests(WaymarkFactory factory)
{
    [Fact]
    public async Task RouteTable_MethodsTemplatesAndPolicies_AreTheReviewedList()
    {
        var actual = await ListAsync(factory.Services);
        var file = Path.Combine(RepositoryRoot(), "tests", "Waymark.Web.Tests", "Security", "routes.txt");
        if (Environment.GetEnvironmentVariable("WAYMARK_WRITE_ROUTES") == "1")
        {
            await File.WriteAllLinesAsync(file, actual);
        }

        var expected = await File.ReadAllLinesAsync(file);
        var added = actual.Except(expected).ToList();
        var removed = expected.Except(actual).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            "The route table differs from Security/routes.txt.\nNew or changed:\n" + string.Join("\n", added) + "\nGone or changed:\n" + string.Join("\n", removed));
    }

    /// <summary>One line per method, template and handler: "GET /{org}/plans/{id:int} [ReadPlans]".</summary>
    public static async Task<List<string>> ListAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var loader = services.GetRequiredService<PageLoader>();
        var lines = new List<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var policy = Policy(endpoint.Metadata);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var handlers = compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant() + (h.Name is null ? "" : "?handler=" + h.Name)).ToList();
                if (handlers.Count == 0)
                {
                    handlers.Add(HttpMethods.Get);
                }

                lines.AddRange(handlers.Select(h => $"{h} {template} {policy}"));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            lines.AddRange(methods.Select(m => $"{m} {template} {policy}"));
        }

        return lines.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static string Policy(EndpointMetadataCollection metadata)
    {
        if (metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "[anonymous]";
        }

        var policies = metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy ?? a.Roles ?? "signed-in")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return policies.Count == 0 ? "[fallback]" : "[" + string.Join(", ", policies) + "]";
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Waymark.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Waymark.slnx) was not found.");
    }
}
