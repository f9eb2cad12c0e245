using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Web.Accounts;
using static Waymark.Web.Api.IndicatorDtos;

namespace Waymark.Web.Api;

/// <summary>
/// Verification as a conversation, in the indicator API: query a value back to its owner, answer a query (or correct the
/// value in answer), and read a value's thread. The same editor as the pages (<see cref="ValueVerificationEditor"/>),
/// so permissions, validation and audit are the same.
/// </summary>
internal static class ValueVerificationEndpoints
{
    public static void MapValueVerificationEndpoints(this RouteGroupBuilder indicators)
    {
        indicators.MapGet("/{id:int}/values/{period}/thread", GetThread)
            .WithName("GetIndicatorValueThread").WithSummary("A value's thread: its verification state (notVerified, queried, answered, verified) and every step, oldest first: entered, changed, queried, answered, corrected, verified, with who, when and the note.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        indicators.MapPost("/{id:int}/values/{period}/query", QueryValue).RequireAuthorization(Policies.VerifyValues)
            .WithName("QueryIndicatorValue").WithSummary("Queries a value back to its owner with a note ({note, version}): whoever may verify it, never whoever entered it. 409 when it is verified or queried already.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        indicators.MapPost("/{id:int}/values/{period}/answer", AnswerQuery).RequireAuthorization(Policies.EnterValues)
            .WithName("AnswerIndicatorValueQuery").WithSummary("Answers a value's open query with a note ({note, version}), leaving the value as it is: whoever may enter it. The value returns to the verifiers.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        indicators.MapPost("/{id:int}/values/{period}/correct", CorrectValue).RequireAuthorization(Policies.EnterValues)
            .WithName("CorrectIndicatorValue").WithSummary("Answers a value's open query by correcting it: the value as for a save, with a note saying what was wrong. The value returns to the verifiers.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<ValueThreadDto>, ProblemHttpResult>> GetThread(
        string org, int id, string period, IndicatorQueries indicators, ValueVerificationQueries queries, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var series = await indicators.SeriesAsync(id, ct);
        var asked = IndicatorEndpoints.ReadPeriod(period, yearStart);
        if (series is null || asked is not { } p)
        {
            return ApiResults.NotFound(series is null ? $"There is no indicator {id} in this organisation." : Missing(id, period));
        }

        var steps = await queries.ThreadAsync(id, p, ct);
        var value = series.For(p)?.Value;
        if (steps.Count == 0 && value is null)
        {
            return ApiResults.NotFound(Missing(id, period));
        }

        return TypedResults.Ok(new ValueThreadDto(p.Code, p.Format(yearStart), value is null || value.IsCalculated ? null : value.Verification.Word(),
            steps.Select(e => new ValueEventDto(e.Period.Code, e.Period.Format(yearStart), EventWord(e.Kind), e.Value, e.NotAvailableReason, e.Commentary, e.ByName, e.At, e.Note)).ToList()));
    }

    private static async Task<Results<Ok<IndicatorValueDto>, ValidationProblem, ProblemHttpResult>> QueryValue(
        string org, int id, string period, ValueNoteWriteDto body, ValueVerificationEditor editor, IndicatorQueries queries, CurrentUser current,
        OrganisationScope scope, CancellationToken ct) =>
        await AnswerAsync(await editor.QueryAsync(await current.ActorAsync(ct), id, period, body.Note, body.Version, ct), id, period, queries, scope, ct);

    private static async Task<Results<Ok<IndicatorValueDto>, ValidationProblem, ProblemHttpResult>> AnswerQuery(
        string org, int id, string period, ValueNoteWriteDto body, ValueVerificationEditor editor, IndicatorQueries queries, CurrentUser current,
        OrganisationScope scope, CancellationToken ct) =>
        await AnswerAsync(await editor.AnswerAsync(await current.ActorAsync(ct), id, period, body.Note, body.Version, ct), id, period, queries, scope, ct);

    private static async Task<Results<Ok<IndicatorValueDto>, ValidationProblem, ProblemHttpResult>> CorrectValue(
        string org, int id, string period, ValueCorrectionWriteDto body, ValueVerificationEditor editor, IndicatorQueries queries, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var input = new ValueCorrectionInput(body.Value is { } v ? IndicatorNumbers.Plain(v) : null, body.NotAvailable ?? false,
            body.NotAvailableReason, body.Commentary, body.Note, body.Version);
        return await AnswerAsync(await editor.CorrectAsync(await current.ActorAsync(ct), id, period, input, ct), id, period, queries, scope, ct);
    }

    /// <summary>The value as it now stands (its period's row), for a success and for a conflict alike.</summary>
    private static Task<Results<Ok<IndicatorValueDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        EditResult<IndicatorValue> result, int id, string period, IndicatorQueries queries, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        async Task<IndicatorValueDto> RowAsync(IndicatorValue value) => ToDto((await queries.SeriesAsync(id, ct))!.For(value.Period)!, yearStart);
        return ApiResults.AnswerAsync(result, done: async saved => TypedResults.Ok(await RowAsync(saved)),
            current: async now => (object)await RowAsync(now), Missing(id, period));
    }

    private static string Missing(int id, string period) => $"Indicator {id} has no value for {period} in this organisation.";
}
