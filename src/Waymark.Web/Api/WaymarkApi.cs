using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Api;

/// <summary>The JSON API under /api/v1: read access to organisations, units and the framework.</summary>
internal static class WaymarkApi
{
    public static void MapWaymarkApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix).WithTags("Waymark");

        api.MapGet("/organisations", ListOrganisations)
            .WithName("ListOrganisations").WithSummary("Every organisation in this installation.");
        var org = api.MapGroup("/organisations/{org}");
        org.MapGet("", GetOrganisation)
            .WithName("GetOrganisation").WithSummary("One organisation.");
        org.MapGet("/units", ListUnits)
            .WithName("ListUnits").WithSummary("The organisation's units (flat, with parent ids), with heads, posts and portfolio holders.");
        org.MapGet("/units/{id:int}", GetUnit)
            .WithName("GetUnit").WithSummary("One unit.");
        org.MapGet("/framework/levels", ListLevels)
            .WithName("ListFrameworkLevels").WithSummary("The organisation's framework levels, in order.");
        org.MapGet("/framework", GetFrameworkTree)
            .WithName("GetFrameworkTree").WithSummary("The framework (golden thread) as a tree.");
        org.MapGet("/framework/{id:int}", GetObjective)
            .WithName("GetFrameworkNode").WithSummary("One framework node with its parents, children and contributes-to links both ways.");

        // Anything else under /api is a JSON 404, never an HTML page.
        api.MapFallback(() => NotFound("There is no API endpoint at this address.")).ExcludeFromDescription();
    }

    private static async Task<Ok<List<OrganisationDto>>> ListOrganisations(OrganisationService organisations, CancellationToken ct)
    {
        var list = await organisations.ListAsync(ct);
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
        return detail is null ? NotFound($"There is no unit {id} in this organisation.") : TypedResults.Ok(ToDto(detail.Unit));
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
            return NotFound($"There is no framework node {id} in this organisation.");
        }

        var o = detail.Objective;
        var yearStart = scope.Organisation!.YearStartMonth;
        return TypedResults.Ok(new ObjectiveDto(
            o.Id, o.Reference, o.Title, o.Description, o.Level!.Key, o.Level.Name,
            o.StartPeriod?.Format(yearStart), o.EndPeriod?.Format(yearStart),
            detail.Ancestors.Count > 0 ? ToDto(detail.Ancestors[^1]) : null,
            detail.Ancestors.Select(ToDto).ToList(),
            detail.Children.Select(ToDto).ToList(),
            detail.ContributesTo.Select(ToDto).ToList(),
            detail.ContributedToBy.Select(ToDto).ToList(),
            o.Unit?.Name,
            o.OwnerPost is null ? null : ToDto(o.OwnerPost),
            o.OwnerPerson is null ? null : new PersonRefDto(o.OwnerPerson.Id, o.OwnerPerson.Name)));
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static OrganisationDto ToDto(Organisation o) =>
        new(o.Slug, o.Name, o.ShortName, o.Description, o.YearStartMonth, o.IsDemo);

    private static ObjectiveRefDto ToDto(ObjectiveSummary s) => new(s.Id, s.Reference, s.Title, s.LevelName);

    private static PostRefDto ToDto(Post p) =>
        new(p.Id, p.Title, p.Holder is null ? null : new PersonRefDto(p.Holder.Id, p.Holder.Name));

    private static UnitDto ToDto(Unit u) => new(
        u.Id, u.ParentId, u.Name, u.Kind, u.Description, u.HeadPost is null ? null : ToDto(u.HeadPost),
        u.PortfolioHolders.Select(h => new PortfolioHolderDto(h.Portfolio, new PersonRefDto(h.PersonId, h.Person!.Name), h.Note)).ToList(),
        u.Posts.Select(ToDto).ToList());
}
