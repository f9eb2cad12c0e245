using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Waymark.Web.Api;

/// <summary>
/// What the API answers when routing found no endpoint. Routing also turns an endpoint down for a method it does not
/// take or a body that is not JSON, and then lands here too; so this looks again: an endpoint at this address that
/// takes the method means the content type was wrong (415), one that does not means the method was (405 with Allow),
/// and none means there is nothing here (404).
/// </summary>
internal static class ApiFallback
{
    public static IResult Answer(HttpContext context)
    {
        var request = context.Request;
        var here = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 }
                        && e.RoutePattern.RawText?.StartsWith(ApiRoutes.Prefix, StringComparison.Ordinal) == true
                        && !e.RoutePattern.Parameters.Any(p => p.IsCatchAll)
                        && Matches(context, e.RoutePattern))
            .ToList();
        if (here.Count == 0)
        {
            return ApiResults.NotFound("There is no API endpoint at this address.");
        }

        var methods = here.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (!methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = string.Join(", ", methods);
            return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
                detail: $"This address answers {string.Join(", ", methods)}.");
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the body as JSON",
            detail: $"This endpoint reads a JSON body: send it with Content-Type: application/json (it was {(string.IsNullOrEmpty(request.ContentType) ? "missing" : request.ContentType)}).");
    }

    private static bool Matches(HttpContext context, RoutePattern pattern)
    {
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults)).TryMatch(context.Request.Path, values))
        {
            return false;
        }

        // The parameters' constraints ({id:int}) as routing applies them.
        var resolver = context.RequestServices.GetRequiredService<IInlineConstraintResolver>();
        return pattern.ParameterPolicies.All(p => p.Value.All(policy =>
            policy.Content is not { } content || resolver.ResolveConstraint(content) is not { } constraint
            || constraint.Match(context, null, p.Key, values, RouteDirection.IncomingRequest)));
    }
}
