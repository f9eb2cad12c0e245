using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

public sealed record OrganisationDto(string Slug, string Name, string ShortName, string? Description, int YearStartMonth, bool IsDemo);

/// <summary>The organisations a caller may read, and one organisation; the group every organisation's endpoints hang from.</summary>
internal static class OrganisationEndpoints
{
    /// <summary>Maps the organisation endpoints and returns the <c>/organisations/{org}</c> group for the features.</summary>
    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organisations", ListOrganisations).AllowAnonymous()
            .WithName("ListOrganisations").WithSummary("The organisations you may read: those that publish their framework, and those you are a member of.");
        var org = api.MapGroup("/organisations/{org}");
        org.MapGet("", GetOrganisation).AllowAnonymous().AddEndpointFilter(ApiEndpoints.FrameworkReadable)
            .WithName("GetOrganisation").WithSummary("One organisation.");
        return org;
    }

    private static async Task<Ok<List<OrganisationDto>>> ListOrganisations(OrganisationQueries organisations, CurrentUser current, CancellationToken ct)
    {
        var list = await organisations.ListVisibleAsync(current.UserId, ct);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    private static Ok<OrganisationDto> GetOrganisation(string org, OrganisationScope scope) =>
        TypedResults.Ok(ToDto(scope.Organisation!));

    private static OrganisationDto ToDto(Organisation o) =>
        new(o.Slug, o.Name, o.ShortName, o.Description, o.YearStartMonth, o.IsDemo);
}
