using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Units;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// Units and their posts: members read them; administrators change them, through the same editors as the pages, so
/// validation, permissions and audit are the same.
/// </summary>
internal static class UnitEndpoints
{
    public static void MapUnitEndpoints(this RouteGroupBuilder org)
    {
        org.MapGet("/units", ListUnits).RequireAuthorization(Policies.Member)
            .WithName("ListUnits").WithSummary("The organisation's units (flat, with parent ids), with heads, posts and portfolio holders. Members only.");
        org.MapGet("/units/{id:int}", GetUnit).RequireAuthorization(Policies.Member)
            .WithName("GetUnit").WithSummary("One unit. Members only.");

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

    private static async Task<Ok<List<UnitDto>>> ListUnits(string org, UnitQueries units, CancellationToken ct)
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

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> GetUnit(string org, int id, UnitQueries units, CancellationToken ct)
    {
        var detail = await units.DetailAsync(id, ct);
        return detail is null ? ApiResults.NotFound($"There is no unit {id} in this organisation.") : TypedResults.Ok(ToDto(detail.Unit));
    }

    private static async Task<Results<Created<UnitDto>, ValidationProblem, ProblemHttpResult>> CreateUnit(
        string org, UnitWriteDto body, UnitEditor editor, UnitQueries units, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.CreateUnitAsync(await current.ActorAsync(ct), Input(body), ct);
        return await ApiResults.AnswerAsync(result, async unit =>
        {
            var dto = ToDto((await units.DetailAsync(unit.Id, ct))!.Unit);
            return TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/units/{dto.Id}", dto);
        }, Current, "There is no such unit in this organisation.");
    }

    private static async Task<Results<Ok<UnitDto>, ValidationProblem, ProblemHttpResult>> UpdateUnit(
        string org, int id, UnitWriteDto body, UnitEditor editor, UnitQueries units, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.UpdateUnitAsync(await current.ActorAsync(ct), id, body.Version, Input(body), ct);
        return await ApiResults.AnswerAsync(result, async _ => TypedResults.Ok(ToDto((await units.DetailAsync(id, ct))!.Unit)),
            Current, $"There is no unit {id} in this organisation.");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteUnit(
        string org, int id, UnitEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.DeleteUnitAsync(await current.ActorAsync(ct), id, null, ct);
        return await ApiResults.AnswerAsync(result, _ => Task.FromResult(TypedResults.NoContent()), Current, $"There is no unit {id} in this organisation.");
    }

    private static async Task<Results<Created<PostDto>, ValidationProblem, ProblemHttpResult>> CreatePost(
        string org, int id, PostWriteDto body, PostEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.CreatePostAsync(await current.ActorAsync(ct), id, new PostInput(body.Title, body.HolderId), ct);
        return await ApiResults.AnswerAsync(result, async post =>
            TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/units/{id}", await PostDtoAsync(editor, post.Id, ct)),
            Current, $"There is no unit {id} in this organisation.");
    }

    private static async Task<Results<Ok<PostDto>, ValidationProblem, ProblemHttpResult>> UpdatePost(
        string org, int id, int postId, PostWriteDto body, PostEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.UpdatePostAsync(await current.ActorAsync(ct), id, postId, body.Version, new PostInput(body.Title, body.HolderId), ct);
        return await ApiResults.AnswerAsync(result, async _ => TypedResults.Ok(await PostDtoAsync(editor, postId, ct)),
            Current, $"There is no post {postId} in unit {id} of this organisation.");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeletePost(
        string org, int id, int postId, PostEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.DeletePostAsync(await current.ActorAsync(ct), id, postId, null, ct);
        return await ApiResults.AnswerAsync(result, _ => Task.FromResult(TypedResults.NoContent()),
            Current, $"There is no post {postId} in unit {id} of this organisation.");
    }

    private static UnitInput Input(UnitWriteDto b) => new(b.ParentId, b.Name, b.Kind, b.Description, b.HeadPostId);

    private static async Task<PostDto> PostDtoAsync(PostEditor editor, int id, CancellationToken ct) => ToDto((await editor.FindPostAsync(id, ct))!);

    private static Task<object> Current(Unit unit) => Task.FromResult<object>(ToDto(unit));

    private static Task<object> Current(Post post) => Task.FromResult<object>(ToDto(post));

    private static PostDto ToDto(Post p) =>
        new(p.Id, p.UnitId, p.Title, p.Holder is null ? null : new PersonRefDto(p.Holder.Id, p.Holder.Name), p.Version);

    internal static PostRefDto ToRef(Post p) =>
        new(p.Id, p.Title, p.Holder is null ? null : new PersonRefDto(p.Holder.Id, p.Holder.Name), p.Version);

    private static UnitDto ToDto(Unit u) => new(
        u.Id, u.ParentId, u.Name, u.Kind, u.Description, u.HeadPost is null ? null : ToRef(u.HeadPost),
        u.PortfolioHolders.Select(h => new PortfolioHolderDto(h.Portfolio, new PersonRefDto(h.PersonId, h.Person!.Name), h.Note)).ToList(),
        u.Posts.Select(ToRef).ToList(), u.Version);
}
