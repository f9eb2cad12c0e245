using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Api;

/// <summary>The JSON API under /api/v1: read access to organisations, units and the framework.</summary>
internal static class WaymarkApi
{
    public static void MapWaymarkApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix).WithTags("Waymark").RequireRateLimiting(AccountsSetup.ApiRateLimit);

        api.MapGet("/organisations", ListOrganisations).AllowAnonymous()
            .WithName("ListOrganisations").WithSummary("The organisations you may read: those that publish their framework, and those you are a member of.");
        var org = api.MapGroup("/organisations/{org}");
        org.MapGet("", GetOrganisation).AllowAnonymous().AddEndpointFilter(FrameworkReadable)
            .WithName("GetOrganisation").WithSummary("One organisation.");
        org.MapGet("/units", ListUnits).RequireAuthorization(Policies.Member)
            .WithName("ListUnits").WithSummary("The organisation's units (flat, with parent ids), with heads, posts and portfolio holders. Members only.");
        org.MapGet("/units/{id:int}", GetUnit).RequireAuthorization(Policies.Member)
            .WithName("GetUnit").WithSummary("One unit. Members only.");
        org.MapGet("/framework/levels", ListLevels).AllowAnonymous().AddEndpointFilter(FrameworkReadable)
            .WithName("ListFrameworkLevels").WithSummary("The organisation's framework levels, in order.");
        org.MapGet("/framework", GetFrameworkTree).AllowAnonymous().AddEndpointFilter(FrameworkReadable)
            .WithName("GetFrameworkTree").WithSummary("The framework (golden thread) as a tree.");
        org.MapGet("/framework/{id:int}", GetObjective).AllowAnonymous().AddEndpointFilter(FrameworkReadable)
            .WithName("GetFrameworkNode").WithSummary("One framework node with its parents, children and contributes-to links both ways.");

        org.MapWaymarkWriteApi();
        org.MapWaymarkIndicatorApi();
        org.MapPlanEndpoints();
        org.MapActionEndpoints();

        // Anything else under /api is a JSON 404, never an HTML page.
        api.MapFallback(() => ApiResults.NotFound("There is no API endpoint at this address.")).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// Public reads of an organisation's framework: allowed when it publishes it or the caller is a
    /// member; otherwise 401 for anonymous callers and 404 for others (nothing of another organisation shows).
    /// </summary>
    private static async ValueTask<object?> FrameworkReadable(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
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

    private static async Task<Ok<List<OrganisationDto>>> ListOrganisations(OrganisationService organisations, CurrentUser current, CancellationToken ct)
    {
        var list = await organisations.ListVisibleAsync(current.UserId, ct);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static Ok<OrganisationDto> GetOrganisation(string org, OrganisationScope scope) =>
        TypedResults.Ok(ToDto(scope.Organisation!));

    private static async Task<Ok<List<UnitDto>>> ListUnits(string org, UnitService units, CancellationToken ct)
    {
        var tree = await units.TreeAsync(ct);
        var flat = new List<UnitDto>();
        void Walk(UnitTreeNode node)
        {
            flat.Add(ToDto(node.Unit));
            node.Children.ToList().ForEach(Walk);
        }

        tree.ToList().ForEach(Walk);
        return TypedResults.Ok(flat);
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> GetUnit(string org, int id, UnitService units, CancellationToken ct)
    {
        var detail = await units.DetailAsync(id, ct);
        return detail is null ? ApiResults.NotFound($"There is no unit {id} in this organisation.") : TypedResults.Ok(ToDto(detail.Unit));
    }

    private static async Task<Ok<List<LevelDto>>> ListLevels(string org, FrameworkService framework, CancellationToken ct)
    {
        var levels = await framework.LevelsAsync(ct);
        return TypedResults.Ok(levels.Select(l => new LevelDto(l.Key, l.Name, l.PluralName, l.Description)).ToList());
    }

    private static async Task<Ok<List<FrameworkNodeDto>>> GetFrameworkTree(string org, FrameworkService framework, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        FrameworkNodeDto ToDto(FrameworkTreeNode n) => new(
            n.Row.Id, n.Row.Reference, n.Row.Title, n.Row.LevelKey, n.Row.LevelName,
            n.Row.Start?.Format(yearStart), n.Row.End?.Format(yearStart), n.Children.Select(ToDto).ToList());
        var tree = await framework.TreeAsync(cancellationToken: ct);
        return TypedResults.Ok(tree.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<ObjectiveDto>, ProblemHttpResult>> GetObjective(
        string org, int id, FrameworkService framework, OrganisationScope scope, CancellationToken ct)
    {
        var detail = await framework.DetailAsync(id, ct);
        if (detail is null)
        {
            return ApiResults.NotFound($"There is no framework node {id} in this organisation.");
        }

        return TypedResults.Ok(ToDto(detail, scope.Organisation!.YearStartMonth));
    }

    internal static ObjectiveDto ToDto(ObjectiveDetail detail, int yearStart)
    {
        var o = detail.Objective;
        return new ObjectiveDto(
            o.Id, o.Reference, o.Title, o.Description, o.Level!.Key, o.Level.Name,
            o.StartPeriod?.Format(yearStart), o.EndPeriod?.Format(yearStart),
            detail.Ancestors.Count > 0 ? ToDto(detail.Ancestors[^1]) : null,
            detail.Ancestors.Select(ToDto).ToList(),
            detail.Children.Select(ToDto).ToList(),
            detail.ContributesTo.Select(ToDto).ToList(),
            detail.ContributedToBy.Select(ToDto).ToList(),
            o.Unit?.Name,
            o.OwnerPost is null ? null : ToDto(o.OwnerPost),
            o.OwnerPerson is null ? null : new PersonRefDto(o.OwnerPerson.Id, o.OwnerPerson.Name),
            o.UnitId, o.Version);
    }


    private static OrganisationDto ToDto(Organisation o) =>
        new(o.Slug, o.Name, o.ShortName, o.Description, o.YearStartMonth, o.IsDemo);

    private static ObjectiveRefDto ToDto(ObjectiveSummary s) => new(s.Id, s.Reference, s.Title, s.LevelName);

    private static PostRefDto ToDto(Post p) =>
        new(p.Id, p.Title, p.Holder is null ? null : new PersonRefDto(p.Holder.Id, p.Holder.Name), p.Version);

    internal static UnitDto ToDto(Unit u) => new(
        u.Id, u.ParentId, u.Name, u.Kind, u.Description, u.HeadPost is null ? null : ToDto(u.HeadPost),
        u.PortfolioHolders.Select(h => new PortfolioHolderDto(h.Portfolio, new PersonRefDto(h.PersonId, h.Person!.Name), h.Note)).ToList(),
        u.Posts.Select(ToDto).ToList(), u.Version);
}
