using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Breakdowns;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Web.Accounts;
using static Waymark.Web.Api.BreakdownDtos;

namespace Waymark.Web.Api;

/// <summary>
/// Breakdowns by unit or place and the organisation's places: the same editors as the pages
/// (<see cref="BreakdownEditor"/>, <see cref="BreakdownValueEditor"/>, <see cref="PlaceEditor"/>), statuses from
/// <see cref="BreakdownQueries"/>.
/// </summary>
internal static class BreakdownEndpoints
{
    private const string NoBreakdown = "There is no such indicator with a breakdown in this organisation.";
    private const string NoPlace = "There is no such place in this organisation.";

    public static void MapBreakdownEndpoints(this RouteGroupBuilder org)
    {
        var indicators = org.MapGroup("/indicators").RequireAuthorization(Policies.Member);
        indicators.MapGet("/{id:int}/breakdown", GetBreakdown)
            .WithName("GetIndicatorBreakdown").WithSummary("An indicator's breakdown: by unit or place, its parts and their owners, and how the whole figure is formed. Members.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        indicators.MapPut("/{id:int}/breakdown", SetBreakdown).RequireAuthorization(Policies.ManageIndicators)
            .WithName("SetIndicatorBreakdown").WithSummary("Sets an indicator's breakdown: kind (unit or place) and its parts in order, each with an owner post. No parts removes it. Send the breakdown's version to change one; a part with figures cannot be taken out.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        indicators.MapGet("/{id:int}/breakdown/{period}", GetFigures)
            .WithName("GetIndicatorBreakdownFigures").WithSummary("A period's figures of every part (period as a code: Q2011-04), each with its status against the indicator's target, and the whole figure they form. Members.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        indicators.MapPut("/{id:int}/breakdown/{period}", SaveFigures).RequireAuthorization(Policies.EnterValues)
            .WithName("SaveIndicatorBreakdownFigures").WithSummary("Enters or changes a period's figures of some parts (errors keyed rows[i].field; send each figure's version when it has one). The indicator's value is formed from the parts by its aggregation and saved with them. A locked period needs correctionReason.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        var places = org.MapGroup("/places").RequireAuthorization(Policies.Member);
        places.MapGet("", ListPlaces).WithName("ListPlaces").WithSummary("The organisation's places (wards, parishes, towns) in order. Members.");
        places.MapPost("", AddPlace).RequireAuthorization(Policies.ManagePlaces)
            .WithName("AddPlace").WithSummary("Adds a place. Administrators and performance officers.").ProducesProblem(StatusCodes.Status403Forbidden);
        places.MapPost("/list", AddPlaces).RequireAuthorization(Policies.ManagePlaces)
            .WithName("AddPlaces").WithSummary("Adds the places of a list, one a line (\"Name\" or \"Name, kind\"); names already there are left alone. All or nothing.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        places.MapPut("/{id:int}", RenamePlace).RequireAuthorization(Policies.ManagePlaces)
            .WithName("RenamePlace").WithSummary("Renames a place or changes its kind. Send its version.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        places.MapDelete("/{id:int}", RemovePlace).RequireAuthorization(Policies.ManagePlaces)
            .WithName("RemovePlace").WithSummary("Removes a place (?version= guards it). Refused with 409 while a breakdown uses it.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<BreakdownDto>, ProblemHttpResult>> GetBreakdown(int id, BreakdownQueries queries, CancellationToken ct) =>
        await queries.ForIndicatorAsync(id, ct) is { } b ? TypedResults.Ok(ToDto(b)) : ApiResults.NotFound(NoBreakdown);

    private static async Task<Results<Ok<BreakdownDto>, NoContent, ValidationProblem, ProblemHttpResult>> SetBreakdown(
        int id, BreakdownWriteDto body, BreakdownEditor editor, BreakdownQueries queries, CurrentUser current, CancellationToken ct)
    {
        var input = new BreakdownInput(body.Kind, (body.Members ?? []).Select(m => new BreakdownMemberInput(m.UnitId, m.PlaceId, m.OwnerPostId)).ToList());
        var result = await editor.SaveAsync(await current.ActorAsync(ct), id, body.Version, input, ct);
        if (result.Outcome == Core.Editing.EditOutcome.Done && (body.Members ?? []).Count == 0)
        {
            return TypedResults.NoContent();
        }

        return (await ApiResults.AnswerAsync(result,
            async _ => TypedResults.Ok(ToDto((await queries.ForIndicatorAsync(id, ct))!)),
            async now => (object)ToDto((await queries.ForIndicatorAsync(id, ct)) ?? now), NoBreakdown)).Result switch
        {
            Ok<BreakdownDto> ok => ok,
            ValidationProblem problem => problem,
            var other => (ProblemHttpResult)other,
        };
    }

    private static async Task<Results<Ok<BreakdownPeriodDto>, ProblemHttpResult>> GetFigures(
        int id, string period, BreakdownQueries queries, OrganisationScope scope, CancellationToken ct)
    {
        if (!Period.TryFromCode(period, out var p) || await queries.PeriodAsync(id, p, ct) is not { } figures)
        {
            return ApiResults.NotFound(NoBreakdown);
        }

        return TypedResults.Ok(ToDto(figures, scope.Organisation!.YearStartMonth));
    }

    private static async Task<Results<Ok<BreakdownPeriodDto>, ValidationProblem, ProblemHttpResult>> SaveFigures(
        int id, string period, BreakdownValuesWriteDto body, BreakdownValueEditor editor, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var rows = (body.Rows ?? []).Select(r => new BreakdownValueInput(r.MemberId, r.Value is { } v ? IndicatorNumbers.Plain(v) : null, r.Commentary, r.Version)).ToList();
        var result = await editor.SaveAsync(await current.ActorAsync(ct), id, new BreakdownValuesInput(period, rows, body.CorrectionReason), ct);
        var yearStart = scope.Organisation!.YearStartMonth;
        return await ApiResults.AnswerAsync(result, saved => Task.FromResult(TypedResults.Ok(ToDto(saved, yearStart))),
            now => Task.FromResult((object)ToDto(now, yearStart)), NoBreakdown);
    }

    private static async Task<Ok<List<PlaceDto>>> ListPlaces(BreakdownQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.PlacesAsync(ct)).Select(ToDto).ToList());

    private static async Task<Results<Created<PlaceDto>, ValidationProblem, ProblemHttpResult>> AddPlace(
        string org, PlaceWriteDto body, PlaceEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.AddAsync(await current.ActorAsync(ct), new PlaceInput(body.Name, body.Kind), ct);
        return await ApiResults.AnswerAsync(result,
            place => Task.FromResult(TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/places/{place.Id}", ToDto(place))),
            now => Task.FromResult((object)ToDto(now)), NoPlace);
    }

    private static async Task<Results<Ok<List<PlaceDto>>, ValidationProblem, ProblemHttpResult>> AddPlaces(
        PlaceListWriteDto body, PlaceEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.AddListAsync(await current.ActorAsync(ct), body.List, body.Kind, ct);
        return await ApiResults.AnswerAsync(result, added => Task.FromResult(TypedResults.Ok(added.Select(ToDto).ToList())),
            now => Task.FromResult((object)now.Select(ToDto).ToList()), NoPlace);
    }

    private static async Task<Results<Ok<PlaceDto>, ValidationProblem, ProblemHttpResult>> RenamePlace(
        int id, PlaceWriteDto body, PlaceEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.RenameAsync(await current.ActorAsync(ct), id, body.Version, new PlaceInput(body.Name, body.Kind), ct);
        return await ApiResults.AnswerAsync(result, place => Task.FromResult(TypedResults.Ok(ToDto(place))), now => Task.FromResult((object)ToDto(now)), NoPlace);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemovePlace(
        int id, Guid? version, PlaceEditor editor, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.RemoveAsync(await current.ActorAsync(ct), id, version, ct);
        return await ApiResults.AnswerAsync(result, _ => Task.FromResult(TypedResults.NoContent()), now => Task.FromResult((object)ToDto(now)), NoPlace);
    }
}
