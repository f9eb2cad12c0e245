using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Waymark.Core.Organisations;

namespace Waymark.Web.Accounts;

/// <summary>
/// A signed-in user refused by a policy inside an organisation they are not a member of gets
/// "not found", not "forbidden": nothing of another organisation shows, not even that a page or
/// record exists there. Members refused by a policy still get 403.
/// </summary>
internal sealed class OtherOrganisationNotFoundHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden
            && context.RequestServices.GetRequiredService<OrganisationScope>().OrganisationId is not null
            && await context.RequestServices.GetRequiredService<CurrentUser>().ActorAsync(context.RequestAborted) is null)
        {
            // An empty 404: the status-code pages write the "Page not found" page, or problem details for the API.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
