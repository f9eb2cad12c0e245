using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Organisations;
using Waymark.Core.Rounds;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// The monitoring rounds API: the rounds with their completeness, one round in full, its completeness per unit and per
/// owner, opening a round and closing it. The same editor and queries as the pages (<see cref="RoundEditor"/>,
/// <see cref="RoundQueries"/>), so permissions, validation and audit are the pages'.
/// </summary>
internal static class RoundEndpoints
{
    public static void MapRoundEndpoints(this RouteGroupBuilder org)
    {
        var rounds = org.MapGroup("/rounds");
        rounds.MapGet("", ListRounds).RequireAuthorization(Policies.ViewRounds)
            .WithName("ListRounds").WithSummary("The organisation's monitoring rounds, newest period first, each with its state on the organisation's today, deadlines and completeness. Administrators, performance officers, service managers and auditors.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        rounds.MapGet("/{id:int}", GetRound).RequireAuthorization(Policies.ViewRounds)
            .WithName("GetRound").WithSummary("One round with its completeness per unit and per owner (each owner's return state, on time, days overdue).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        rounds.MapGet("/{id:int}/completeness", GetCompleteness).RequireAuthorization(Policies.ViewRounds)
            .WithName("GetRoundCompleteness").WithSummary("A round's completeness: returns expected, received, on time, signed off; values given, with commentary, verified; for the round, per unit and per owner.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        rounds.MapPost("", OpenRound).RequireAuthorization(Policies.RunRounds)
            .WithName("OpenRound").WithSummary("Opens a round for a period that has ended ({period, returnsDeadline?, signOffDeadline?, graceDays?, autoCloseDays?}); deadlines left out are the organisation's working-day defaults. Makes each owner's return. One round per period: a second is refused on \"period\". Administrators and performance officers.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        rounds.MapPost("/{id:int}/close", CloseRound).RequireAuthorization(Policies.RunRounds)
            .WithName("CloseRound").WithSummary("Closes an open round ({version}). 409 when it is closed already (by a person, or by itself after its auto-close days), or changed since it was read.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<IReadOnlyList<RoundDto>>> ListRounds(string org, RoundQueries queries, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var today = queries.Today;
        var rounds = await queries.ListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<RoundDto>>([.. rounds.Select(r => RoundDtos.ToDto(r.Round, r.State, today, r.Completeness, yearStart))]);
    }

    private static async Task<Results<Ok<RoundDetailDto>, ProblemHttpResult>> GetRound(string org, int id, RoundQueries queries, OrganisationScope scope, CancellationToken ct) =>
        await queries.DetailAsync(id, ct) is { } detail
            ? TypedResults.Ok(RoundDtos.ToDto(detail, scope.Organisation!.YearStartMonth))
            : ApiResults.NotFound(NotFoundText(id));

    private static async Task<Results<Ok<RoundCompletenessDto>, ProblemHttpResult>> GetCompleteness(string org, int id, RoundQueries queries, CancellationToken ct) =>
        await queries.DetailAsync(id, ct) is { } detail ? TypedResults.Ok(RoundDtos.Completeness(detail)) : ApiResults.NotFound(NotFoundText(id));

    private static async Task<Results<Created<RoundDetailDto>, ValidationProblem, ProblemHttpResult>> OpenRound(
        string org, OpenRoundDto body, RoundEditor editor, RoundQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var input = new OpenRoundInput(body.Period, body.ReturnsDeadline, body.SignOffDeadline,
            body.GraceDays?.ToString(CultureInfo.InvariantCulture), body.AutoCloseDays?.ToString(CultureInfo.InvariantCulture));
        var result = await editor.OpenAsync(await current.ActorAsync(ct), input, ct);
        return await ApiResults.AnswerAsync(result,
            async round => TypedResults.Created(RoundPath(scope, round.Id), RoundDtos.ToDto((await queries.DetailAsync(round.Id, ct))!, scope.Organisation!.YearStartMonth)),
            async round => (object)RoundDtos.ToDto((await queries.DetailAsync(round.Id, ct))!, scope.Organisation!.YearStartMonth),
            "There is no such round in this organisation.");
    }

    private static async Task<Results<Ok<RoundDetailDto>, ValidationProblem, ProblemHttpResult>> CloseRound(
        string org, int id, CloseRoundDto body, RoundEditor editor, RoundQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.CloseAsync(await current.ActorAsync(ct), id, body.Version, ct);
        return await ApiResults.AnswerAsync(result,
            async round => TypedResults.Ok(RoundDtos.ToDto((await queries.DetailAsync(round.Id, ct))!, scope.Organisation!.YearStartMonth)),
            async round => (object)RoundDtos.ToDto((await queries.DetailAsync(round.Id, ct))!, scope.Organisation!.YearStartMonth),
            NotFoundText(id));
    }

    private static string RoundPath(OrganisationScope scope, int id) => $"{ApiRoutes.Prefix}/organisations/{scope.Organisation!.Slug}/rounds/{id}";

    private static string NotFoundText(int id) => $"There is no round {id} in this organisation.";
}
