using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// The API's write endpoints: the framework (nodes and links) and the structure (units and posts).
/// The same editors as the pages do the work, so validation, permissions and audit are the same.
/// </summary>
internal static class WaymarkWriteApi
{
    public static void MapWaymarkWriteApi(this RouteGroupBuilder org)
    {
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

        var units = org.MapGroup("/units").RequireAuthorization(Policies.ManageStructure);
        units.MapPost("", CreateUnit)
            .WithName("CreateUnit").WithSummary("Adds a unit (service area, team). Administrators only.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        units.MapPut("/{id:int}", UpdateUnit)
            .WithName("UpdateUnit").WithSummary("Changes a unit, including its parent and head post. Send the version you read.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        units.MapDelete("/{id:int}", DeleteUnit)
            .WithName("DeleteUnit").WithSummary("Deletes an empty unit. Refused with 409, saying what is in it, while anything belongs to it.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        units.MapPost("/{id:int}/posts", CreatePost)
            .WithName("CreatePost").WithSummary("Adds a post to a unit, optionally with the person who holds it.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        units.MapPut("/{id:int}/posts/{postId:int}", UpdatePost)
            .WithName("UpdatePost").WithSummary("Changes a post's title or holder. Send the version you read.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        units.MapDelete("/{id:int}/posts/{postId:int}", DeletePost)
            .WithName("DeletePost").WithSummary("Deletes a post. Refused with 409 while framework nodes are owned by it or it heads a unit.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    // ---------------------------------------------------------------- Framework

    private static async Task<Results<Created<ObjectiveDto>, ValidationProblem, ProblemHttpResult>> CreateObjective(
        string org, ObjectiveWriteDto body, FrameworkEditor editor, FrameworkService framework, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var result = await editor.CreateAsync(await current.ActorAsync(ct), Input(body), yearStart, ct);
        if (result.Outcome != EditOutcome.Done)
        {
            return await FailureAsync<Created<ObjectiveDto>>(result, framework, yearStart, ct);
        }

        var dto = WaymarkApi.ToDto((await framework.DetailAsync(result.Record!.Id, ct))!, yearStart);
        return TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/framework/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<ObjectiveDto>, ValidationProblem, ProblemHttpResult>> UpdateObjective(
        string org, int id, ObjectiveWriteDto body, FrameworkEditor editor, FrameworkService framework, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var result = await editor.UpdateAsync(await current.ActorAsync(ct), id, body.Version, Input(body), yearStart, ct);
        if (result.Outcome != EditOutcome.Done)
        {
            return await FailureAsync<Ok<ObjectiveDto>>(result, framework, yearStart, ct);
        }

        return TypedResults.Ok(WaymarkApi.ToDto((await framework.DetailAsync(id, ct))!, yearStart));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteObjective(
        string org, int id, FrameworkEditor editor, FrameworkService framework, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.DeleteAsync(await current.ActorAsync(ct), id, null, ct);
        return result.Outcome == EditOutcome.Done
            ? TypedResults.NoContent()
            : await FailureAsync<NoContent>(result, framework, scope.Organisation!.YearStartMonth, ct);
    }

    private static async Task<Results<Created<ObjectiveDto>, ValidationProblem, ProblemHttpResult>> AddLink(
        string org, int id, LinkWriteDto body, FrameworkEditor editor, FrameworkService framework, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.AddLinkAsync(await current.ActorAsync(ct), id, body.ToId, ct);
        if (result.Outcome != EditOutcome.Done)
        {
            return ApiResults.Failure<Created<ObjectiveDto>, ObjectiveLink>(result, $"There is no framework node {id} in this organisation.");
        }

        var dto = WaymarkApi.ToDto((await framework.DetailAsync(id, ct))!, scope.Organisation!.YearStartMonth);
        return TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/framework/{id}", dto);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveLink(
        string org, int id, int toId, FrameworkEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.RemoveLinkAsync(await current.ActorAsync(ct), id, toId, ct);
        return result.Outcome == EditOutcome.Done
            ? TypedResults.NoContent()
            : ApiResults.Failure<NoContent, ObjectiveLink>(result, $"Framework node {id} does not contribute to node {toId}.");
    }

    private static ObjectiveInput Input(ObjectiveWriteDto b) =>
        new(b.Level, b.ParentId, b.Reference, b.Title, b.Description, b.UnitId, b.OwnerPostId, b.OwnerPersonId, b.Start, b.End);

    private static async Task<Results<TOk, ValidationProblem, ProblemHttpResult>> FailureAsync<TOk>(
        EditResult<Objective> result, FrameworkService framework, int yearStart, CancellationToken ct)
        where TOk : IResult
    {
        if (result.Outcome == EditOutcome.Conflict)
        {
            var detail = await framework.DetailAsync(result.Record!.Id, ct);
            if (detail is not null)
            {
                return ApiResults.Conflict(result.Reason!, WaymarkApi.ToDto(detail, yearStart));
            }
        }

        return ApiResults.Failure<TOk, Objective>(result, "There is no such framework node in this organisation.");
    }

    // ---------------------------------------------------------------- Units and posts

    private static async Task<Results<Created<UnitDto>, ValidationProblem, ProblemHttpResult>> CreateUnit(
        string org, UnitWriteDto body, StructureEditor editor, UnitService units, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.CreateUnitAsync(await current.ActorAsync(ct), Input(body), ct);
        if (result.Outcome != EditOutcome.Done)
        {
            return ApiResults.Failure<Created<UnitDto>, Unit>(result, "There is no such unit in this organisation.");
        }

        var dto = WaymarkApi.ToDto((await units.DetailAsync(result.Record!.Id, ct))!.Unit);
        return TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/units/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> UpdateUnit(
        string org, int id, UnitWriteDto body, StructureEditor editor, UnitService units, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.UpdateUnitAsync(await current.ActorAsync(ct), id, body.Version, Input(body), ct);
        return result.Outcome switch
        {
            EditOutcome.Done => TypedResults.Ok(WaymarkApi.ToDto((await units.DetailAsync(id, ct))!.Unit)),
            EditOutcome.Conflict => ApiResults.Conflict(result.Reason!, WaymarkApi.ToDto(result.Record!)),
            _ => ApiResults.Failure<Ok<UnitDto>, Unit>(result, $"There is no unit {id} in this organisation."),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteUnit(
        string org, int id, StructureEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.DeleteUnitAsync(await current.ActorAsync(ct), id, null, ct);
        return result.Outcome == EditOutcome.Done ? TypedResults.NoContent() : ApiResults.Failure<NoContent, Unit>(result, $"There is no unit {id} in this organisation.");
    }

    private static async Task<Results<Created<PostDto>, ValidationProblem, ProblemHttpResult>> CreatePost(
        string org, int id, PostWriteDto body, StructureEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.CreatePostAsync(await current.ActorAsync(ct), id, new PostInput(body.Title, body.HolderId), ct);
        if (result.Outcome != EditOutcome.Done)
        {
            return ApiResults.Failure<Created<PostDto>, Post>(result, $"There is no unit {id} in this organisation.");
        }

        var dto = await PostDtoAsync(editor, result.Record!.Id, ct);
        return TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/units/{id}", dto);
    }

    private static async Task<Results<Ok<PostDto>, ValidationProblem, ProblemHttpResult>> UpdatePost(
        string org, int id, int postId, PostWriteDto body, StructureEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.UpdatePostAsync(await current.ActorAsync(ct), id, postId, body.Version, new PostInput(body.Title, body.HolderId), ct);
        return result.Outcome switch
        {
            EditOutcome.Done => TypedResults.Ok(await PostDtoAsync(editor, postId, ct)),
            EditOutcome.Conflict => ApiResults.Conflict(result.Reason!, ToDto(result.Record!)),
            _ => ApiResults.Failure<Ok<PostDto>, Post>(result, $"There is no post {postId} in unit {id} of this organisation."),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeletePost(
        string org, int id, int postId, StructureEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.DeletePostAsync(await current.ActorAsync(ct), id, postId, null, ct);
        return result.Outcome == EditOutcome.Done
            ? TypedResults.NoContent()
            : ApiResults.Failure<NoContent, Post>(result, $"There is no post {postId} in unit {id} of this organisation.");
    }

    private static UnitInput Input(UnitWriteDto b) => new(b.ParentId, b.Name, b.Kind, b.Description, b.HeadPostId);

    private static async Task<PostDto> PostDtoAsync(StructureEditor editor, int id, CancellationToken ct) => ToDto((await editor.FindPostAsync(id, ct))!);

    private static PostDto ToDto(Post p) =>
        new(p.Id, p.UnitId, p.Title, p.Holder is null ? null : new PersonRefDto(p.Holder.Id, p.Holder.Name), p.Version);
}
