using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// The framework: its levels, the tree and each node, read publicly where the organisation publishes it; nodes and
/// their "contributes to" links changed through the same editors as the pages, so validation, permissions and audit
/// are the same.
/// </summary>
internal static class FrameworkEndpoints
{
    public static void MapFrameworkEndpoints(this RouteGroupBuilder org)
    {
        org.MapGet("/framework/levels", ListLevels).AllowAnonymous().AddEndpointFilter(ApiEndpoints.FrameworkReadable)
            .WithName("ListFrameworkLevels").WithSummary("The organisation's framework levels, in order.");
        org.MapGet("/framework", GetFrameworkTree).AllowAnonymous().AddEndpointFilter(ApiEndpoints.FrameworkReadable)
            .WithName("GetFrameworkTree").WithSummary("The framework (golden thread) as a tree.");
        org.MapGet("/framework/{id:int}", GetObjective).AllowAnonymous().AddEndpointFilter(ApiEndpoints.FrameworkReadable)
            .WithName("GetFrameworkNode").WithSummary("One framework node with its parents, children and contributes-to links both ways.");

        var framework = org.MapGroup("/framework").RequireAuthorization(Policies.EditFramework);
        framework.MapPost("", CreateObjective)
            .WithName("CreateFrameworkNode").WithSummary("Adds a framework node. Administrators and performance officers anywhere; service managers in their units.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        framework.MapPut("/{id:int}", UpdateObjective)
            .WithName("UpdateFrameworkNode").WithSummary("Changes a framework node. Send the version you read: a stale version is refused with 409 and the current node.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        framework.MapDelete("/{id:int}", DeleteObjective)
            .WithName("DeleteFrameworkNode").WithSummary("Deletes a framework node and its links. Refused with 409 while nodes sit beneath it.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        framework.MapPost("/{id:int}/links", AddLink)
            .WithName("AddFrameworkLink").WithSummary("Records that the node contributes to another node (toId).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        framework.MapDelete("/{id:int}/links/{toId:int}", RemoveLink)
            .WithName("RemoveFrameworkLink").WithSummary("Removes the node's contributes-to link to another node.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Ok<List<LevelDto>>> ListLevels(string org, FrameworkQueries framework, CancellationToken ct)
    {
        var levels = await framework.LevelsAsync(ct);
        return TypedResults.Ok(levels.Select(l => new LevelDto(l.Key, l.Name, l.PluralName, l.Description)).ToList());
    }

    private static async Task<Ok<List<FrameworkNodeDto>>> GetFrameworkTree(string org, FrameworkQueries framework, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        FrameworkNodeDto ToDto(FrameworkTreeNode n) => new(
            n.Row.Id, n.Row.Reference, n.Row.Title, n.Row.LevelKey, n.Row.LevelName,
            n.Row.Start?.Format(yearStart), n.Row.End?.Format(yearStart), n.Children.Select(ToDto).ToList());
        var tree = await framework.TreeAsync(cancellationToken: ct);
        return TypedResults.Ok(tree.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<ObjectiveDto>, ProblemHttpResult>> GetObjective(
        string org, int id, FrameworkQueries framework, OrganisationScope scope, CancellationToken ct)
    {
        var detail = await framework.DetailAsync(id, ct);
        return detail is null
            ? ApiResults.NotFound($"There is no framework node {id} in this organisation.")
            : TypedResults.Ok(ToDto(detail, scope.Organisation!.YearStartMonth));
    }

    private static async Task<Results<Created<ObjectiveDto>, ValidationProblem, ProblemHttpResult>> CreateObjective(
        string org, ObjectiveWriteDto body, FrameworkEditor editor, FrameworkQueries framework, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var result = await editor.CreateAsync(await current.ActorAsync(ct), Input(body), yearStart, ct);
        return await ApiResults.AnswerAsync(result, async objective =>
        {
            var dto = await DtoAsync(framework, objective, yearStart, ct);
            return TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/framework/{dto.Id}", dto);
        }, Current(framework, yearStart, ct), NoSuchNode);
    }

    private static async Task<Results<Ok<ObjectiveDto>, ValidationProblem, ProblemHttpResult>> UpdateObjective(
        string org, int id, ObjectiveWriteDto body, FrameworkEditor editor, FrameworkQueries framework, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var result = await editor.UpdateAsync(await current.ActorAsync(ct), id, body.Version, Input(body), yearStart, ct);
        return await ApiResults.AnswerAsync(result, async objective => TypedResults.Ok(await DtoAsync(framework, objective, yearStart, ct)),
            Current(framework, yearStart, ct), NoSuchNode);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteObjective(
        string org, int id, FrameworkEditor editor, FrameworkQueries framework, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.DeleteAsync(await current.ActorAsync(ct), id, null, ct);
        return await ApiResults.AnswerAsync(result, _ => Task.FromResult(TypedResults.NoContent()),
            Current(framework, scope.Organisation!.YearStartMonth, ct), NoSuchNode);
    }

    private static async Task<Results<Created<ObjectiveDto>, ValidationProblem, ProblemHttpResult>> AddLink(
        string org, int id, LinkWriteDto body, ObjectiveLinkEditor editor, FrameworkQueries framework, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var result = await editor.AddLinkAsync(await current.ActorAsync(ct), id, body.ToId, ct);
        return await ApiResults.AnswerAsync(result, async _ =>
        {
            var dto = ToDto((await framework.DetailAsync(id, ct))!, yearStart);
            return TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/framework/{id}", dto);
        }, async link => ToDto((await framework.DetailAsync(link.FromObjectiveId, ct))!, yearStart), $"There is no framework node {id} in this organisation.");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveLink(
        string org, int id, int toId, ObjectiveLinkEditor editor, FrameworkQueries framework, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.RemoveLinkAsync(await current.ActorAsync(ct), id, toId, ct);
        return await ApiResults.AnswerAsync(result, _ => Task.FromResult(TypedResults.NoContent()),
            async link => ToDto((await framework.DetailAsync(link.FromObjectiveId, ct))!, scope.Organisation!.YearStartMonth),
            $"Framework node {id} does not contribute to node {toId}.");
    }

    private const string NoSuchNode = "There is no such framework node in this organisation.";

    private static ObjectiveInput Input(ObjectiveWriteDto b) =>
        new(b.Level, b.ParentId, b.Reference, b.Title, b.Description, b.UnitId, b.OwnerPostId, b.OwnerPersonId, b.Start, b.End);

    private static async Task<ObjectiveDto> DtoAsync(FrameworkQueries framework, Objective objective, int yearStart, CancellationToken ct) =>
        ToDto((await framework.DetailAsync(objective.Id, ct))!, yearStart);

    /// <summary>The node as it now is, for a 409: in full, or (gone from the tree meanwhile) as a reference.</summary>
    private static Func<Objective, Task<object>> Current(FrameworkQueries framework, int yearStart, CancellationToken ct) => async objective =>
        await framework.DetailAsync(objective.Id, ct) is { } detail
            ? ToDto(detail, yearStart)
            : new ObjectiveRefDto(objective.Id, objective.Reference, objective.Title, objective.Level?.Name ?? "");

    private static ObjectiveDto ToDto(ObjectiveDetail detail, int yearStart)
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
            o.OwnerPost is null ? null : UnitEndpoints.ToRef(o.OwnerPost),
            o.OwnerPerson is null ? null : new PersonRefDto(o.OwnerPerson.Id, o.OwnerPerson.Name),
            o.UnitId, o.Version);
    }

    private static ObjectiveRefDto ToDto(ObjectiveSummary s) => new(s.Id, s.Reference, s.Title, s.LevelName);
}
