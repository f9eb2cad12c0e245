using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// The JSON API's set-up in one place: its OpenAPI document, the <c>/api/v1</c> group with its rate limit, each
/// feature's endpoints, and the JSON 404 for anything else under <c>/api</c>.
/// </summary>
internal static class ApiEndpoints
{
    public static IServiceCollection AddWaymarkApi(this IServiceCollection services) =>
        services.AddOpenApi(ApiRoutes.DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Waymark API";
            document.Info.Description = "Organisations, units and posts, the framework (golden thread), indicators with their targets and values, and plans with their sections, objectives, measures, recommendations and workflow. Public reads of published frameworks; everything else with a personal access token (Authorization: Bearer wm_…).";
            return Task.CompletedTask;
        }));

    public static void MapWaymarkApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(ApiRoutes.OpenApiPath).AllowAnonymous();
        var api = endpoints.MapGroup(ApiRoutes.Prefix).WithTags("Waymark").RequireRateLimiting(AccountsSetup.ApiRateLimit);
        var org = api.MapOrganisationEndpoints();
        org.MapUnitEndpoints();
        org.MapFrameworkEndpoints();
        org.MapIndicatorEndpoints();
        org.MapBreakdownEndpoints();
        org.MapPlanEndpoints();
        org.MapActionEndpoints();
        org.MapRoundEndpoints();
        org.MapMilestoneEndpoints();
        org.MapCorrectionEndpoints();
        org.MapReturnEndpoints();
        org.MapMessageEndpoints();
        org.MapPerformanceEndpoints();
        org.MapRiskEndpoints();

        // Anything else under /api is a JSON 404 (or 405, 415: ApiFallback), never an HTML page.
        api.MapFallback(ApiFallback.Answer).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// Public reads of an organisation's framework: allowed when it publishes it or the caller is a
    /// member; otherwise 401 for anonymous callers and 404 for others (nothing of another organisation shows).
    /// </summary>
    internal static async ValueTask<object?> FrameworkReadable(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var organisation = services.GetRequiredService<OrganisationScope>().Organisation!;
        var actor = await services.GetRequiredService<CurrentUser>().ActorAsync(context.HttpContext.RequestAborted);
        if (Permissions.CanReadFramework(actor, organisation))
        {
            return await next(context);
        }

        return context.HttpContext.User.Identity?.IsAuthenticated == true
            ? ApiResults.NotFound("There is no such organisation.")
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in needed",
                detail: "This organisation's framework is not published: send an API token as Authorization: Bearer wm_…");
    }
}
