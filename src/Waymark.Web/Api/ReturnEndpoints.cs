using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Returns;
using Waymark.Web.Accounts;
using static Waymark.Web.Api.ReturnDtos;

namespace Waymark.Web.Api;

/// <summary>
/// Owners' returns: read one with its items' status, list your own and those awaiting your sign-off, submit, sign off,
/// return an item with a note. The same editor as the pages (<see cref="ReturnEditor"/>): same permissions, validation
/// and audit.
/// </summary>
internal static class ReturnEndpoints
{
    public static void MapReturnEndpoints(this RouteGroupBuilder org)
    {
        org.MapGet("/my-returns", MyReturns).RequireAuthorization(Policies.Member)
            .WithName("ListMyReturns").WithSummary("Your returns in open monitoring rounds (with ?closed=true, closed rounds' too): state, deadlines, items.");
        var returns = org.MapGroup("/returns").RequireAuthorization(Policies.Member);
        returns.MapGet("", ToSignOff)
            .WithName("ListReturnsToSignOff").WithSummary("The returns in open rounds you may sign off (head of the unit, service manager for it, performance officer): submitted first.");
        returns.MapGet("/{id:int}", GetReturn)
            .WithName("GetReturn").WithSummary("One return: state, deadlines, and each item with what was entered, commentary, verified, the same period last year and any note returning it. Its owner, their managers and the performance team.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        returns.MapPost("/{id:int}/submit", Submit)
            .WithName("SubmitReturn").WithSummary("The owner submits the return ({version}). 409 with the list of what is missing while anything is; a value not available is entered as not available with the reason.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        returns.MapPost("/{id:int}/sign-off", SignOff)
            .WithName("SignOffReturn").WithSummary("Signs off a submitted return ({version}): the head of its unit, a service manager for the unit, or a performance officer; never its owner.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        returns.MapPost("/{id:int}/return-item", ReturnItem)
            .WithName("ReturnReturnItem").WithSummary("Returns one item of a submitted return to its owner with a note ({itemId, note, version}): the return goes back to them until they submit again.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<IReadOnlyList<ReturnSummaryDto>>> MyReturns(string org, bool? closed, ReturnQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var mine = await queries.MineAsync(await current.ActorAsync(ct), closed ?? false, ct);
        return TypedResults.Ok<IReadOnlyList<ReturnSummaryDto>>([.. mine.Select(s => ToDto(s, scope.Organisation!.YearStartMonth))]);
    }

    private static async Task<Ok<IReadOnlyList<ReturnSummaryDto>>> ToSignOff(string org, ReturnQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var list = await queries.ToSignOffAsync(await current.ActorAsync(ct), ct);
        return TypedResults.Ok<IReadOnlyList<ReturnSummaryDto>>([.. list.Select(s => ToDto(s, scope.Organisation!.YearStartMonth))]);
    }

    private static async Task<Results<Ok<ReturnDto>, ValidationProblem, ProblemHttpResult>> GetReturn(
        string org, int id, ReturnEditor editor, CurrentUser current, OrganisationScope scope, CancellationToken ct) =>
        await AnswerAsync(await editor.OpenAsync(await current.ActorAsync(ct), id, ct), id, scope);

    private static async Task<Results<Ok<ReturnDto>, ValidationProblem, ProblemHttpResult>> Submit(
        string org, int id, ReturnStepWriteDto body, ReturnEditor editor, CurrentUser current, OrganisationScope scope, CancellationToken ct) =>
        await AnswerAsync(await editor.SubmitAsync(await current.ActorAsync(ct), id, body.Version, ct), id, scope);

    private static async Task<Results<Ok<ReturnDto>, ValidationProblem, ProblemHttpResult>> SignOff(
        string org, int id, ReturnStepWriteDto body, ReturnEditor editor, CurrentUser current, OrganisationScope scope, CancellationToken ct) =>
        await AnswerAsync(await editor.SignOffAsync(await current.ActorAsync(ct), id, body.Version, ct), id, scope);

    // Who may is checked before the body: an item not of this return (or none) is then a 400 on itemId.
    private static async Task<Results<Ok<ReturnDto>, ValidationProblem, ProblemHttpResult>> ReturnItem(
        string org, int id, ReturnItemWriteDto body, ReturnEditor editor, CurrentUser current, OrganisationScope scope, CancellationToken ct) =>
        await AnswerAsync(await editor.ReturnItemAsync(await current.ActorAsync(ct), id, body.ItemId ?? 0, body.Note, body.Version, ct), id, scope);

    private static Task<Results<Ok<ReturnDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(EditResult<ReturnView> result, int id, OrganisationScope scope)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        return ApiResults.AnswerAsync(result, done: saved => Task.FromResult(TypedResults.Ok(ToDto(saved, yearStart))),
            current: now => Task.FromResult<object>(ToDto(now, yearStart)), $"There is no return {id} in this organisation.");
    }
}
