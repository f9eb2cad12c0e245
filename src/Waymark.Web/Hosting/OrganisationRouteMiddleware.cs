using Waymark.Core.Organisations;

namespace Waymark.Web.Hosting;

/// <summary>
/// Enters the organisation named by the route's <c>{org}</c> value, so every query that follows is
/// scoped to it. An unknown organisation is a 404 before any page or endpoint runs.
/// </summary>
internal sealed class OrganisationRouteMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, OrganisationScope scope, OrganisationQueries organisations)
    {
        if (context.GetRouteValue("org") is string slug)
        {
            var organisation = await organisations.FindBySlugAsync(slug, context.RequestAborted);
            if (organisation is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            scope.Enter(organisation);
        }

        await next(context);
    }
}
