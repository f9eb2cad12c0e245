using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Corrections;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// The restatement register and lock exceptions: corrections since a date or since the last report, and granting,
/// reading and ending exceptions. Corrections themselves are made through the value and progress writes, with
/// <c>correctionReason</c>. The same queries and editor as the pages.
/// </summary>
internal static class CorrectionEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static void MapCorrectionEndpoints(this RouteGroupBuilder org)
    {
        var corrections = org.MapGroup("/corrections").RequireAuthorization(Policies.ReadCorrections);
        corrections.MapGet("", ListCorrections)
            .WithName("ListCorrections").WithSummary($"The restatement register, newest first: every change to a locked period. ?since=2011-10-20 (made on or after), or since=last-report (the default: since the last monitoring round closed), or since=all; ?unit= and ?kind= (indicator-value, action-progress, milestone-progress) narrow it. {DefaultPageSize} a page (?limit= up to {MaxPageSize:N0}; the Link header's next gives the page after, X-Total-Count how many). Performance officers, administrators and auditors.")
            .ProducesValidationProblem();
        corrections.MapGet("/lock-exceptions", ListExceptions)
            .WithName("ListLockExceptions").WithSummary("The lock exceptions, current first: leave for a unit (or one person) to correct locked periods until an end date.");
        corrections.MapGet("/lock-exceptions/{id:int}", GetException)
            .WithName("GetLockException").WithSummary("One lock exception.").ProducesProblem(StatusCodes.Status404NotFound);
        corrections.MapPost("/lock-exceptions", GrantException).RequireAuthorization(Policies.ManageLockExceptions)
            .WithName("GrantLockException").WithSummary("Grants a lock exception ({unitId, personId?, from?, until, reason}): performance officers and administrators.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        corrections.MapPost("/lock-exceptions/{id:int}/end", EndException).RequireAuthorization(Policies.ManageLockExceptions)
            .WithName("EndLockException").WithSummary("Ends a lock exception now ({version}); it stays listed, ended. 409 when it has already ended.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<List<CorrectionDto>>, ValidationProblem>> ListCorrections(
        string org, string? since, int? unit, string? kind, int? limit, int? after, CorrectionQueries queries, OrganisationScope scope,
        HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? from = null;
        switch (since?.Trim())
        {
            case null or "" or "last-report":
                from = await queries.LastReportAsync(ct);
                break;
            case "all":
                break;
            case var text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                from = day;
                break;
            default:
                errors["since"] = ["Give since as a date (2011-10-20), last-report or all"];
                break;
        }

        var kindRead = CorrectionWords.Read(kind);
        if (!string.IsNullOrWhiteSpace(kind) && kindRead is null)
        {
            errors["kind"] = ["Give kind as indicator-value, action-progress or milestone-progress"];
        }

        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"The limit must be between 1 and {MaxPageSize:N0}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems");
        }

        var size = limit ?? DefaultPageSize;
        var (rows, more, total) = await queries.ListAsync(new CorrectionFilter(from, unit, kindRead), after, size, ct);
        ApiPaging.Describe(http, total, more && rows.Count > 0 ? ("after", rows[^1].Id, size) : null);
        var yearStart = scope.Organisation!.YearStartMonth;
        return TypedResults.Ok(rows.Select(c => CorrectionDto.Of(c, yearStart)).ToList());
    }

    private static async Task<Ok<List<LockExceptionDto>>> ListExceptions(string org, CorrectionQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.ExceptionsAsync(ct)).Select(LockExceptionDto.Of).ToList());

    private static async Task<Results<Ok<LockExceptionDto>, ProblemHttpResult>> GetException(string org, int id, CorrectionQueries queries, CancellationToken ct) =>
        await queries.FindExceptionAsync(id, ct) is { } found ? TypedResults.Ok(LockExceptionDto.Of(found)) : ApiResults.NotFound(Missing(id));

    private static async Task<Results<Created<LockExceptionDto>, ValidationProblem, ProblemHttpResult>> GrantException(
        string org, LockExceptionWriteDto body, LockExceptionEditor editor, CorrectionQueries queries, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.GrantAsync(await current.ActorAsync(ct), new LockExceptionInput(body.UnitId, body.PersonId, body.From, body.Until, body.Reason), ct);
        return await ApiResults.AnswerAsync(result,
            async granted => TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/corrections/lock-exceptions/{granted.Id}",
                LockExceptionDto.Of((await queries.FindExceptionAsync(granted.Id, ct))!)),
            now => Task.FromResult<object>(LockExceptionDto.Of(now)), "There is no such lock exception.");
    }

    private static async Task<Results<Ok<LockExceptionDto>, ValidationProblem, ProblemHttpResult>> EndException(
        string org, int id, LockExceptionEndDto body, LockExceptionEditor editor, CorrectionQueries queries, CurrentUser current, CancellationToken ct)
    {
        var result = await editor.EndAsync(await current.ActorAsync(ct), id, body.Version, ct);
        return await ApiResults.AnswerAsync(result,
            async ended => TypedResults.Ok(LockExceptionDto.Of((await queries.FindExceptionAsync(ended.Id, ct))!)),
            now => Task.FromResult<object>(LockExceptionDto.Of(now)), Missing(id));
    }

    private static string Missing(int id) => $"There is no lock exception {id} in this organisation.";
}
