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
        indicators.MapPost("/values/verify", VerifyMany).RequireAuthorization(Policies.VerifyValues)
            .WithName("VerifyIndicatorValuesInBulk").WithSummary($"Verifies up to {ValueVerificationEditor.MaxBatch} values at once (a JSON array of {{indicator, period, version}}), all or nothing as on the verify queue: any value not yours to verify or your own entry (403), changed since read (409, with current) or gone (404) verifies none; each such item is in items with its result and reason.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
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

    private static async Task<Results<Ok<BulkVerifyDto>, ValidationProblem, ProblemHttpResult>> VerifyMany(
        string org, List<BulkVerifyWriteDto?> body, ValueVerificationEditor editor, IndicatorQueries queries, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        if (body.Count > ValueVerificationEditor.MaxBatch)
        {
            return TypedResults.Problem(detail: $"Verify at most {ValueVerificationEditor.MaxBatch} values at a time; this request has {body.Count}.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many values");
        }

        var (items, errors) = ReadItems(body, yearStart);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems",
                detail: "Nothing has been verified. Put right the items named in errors (items[i] is the i-th of the array, from 0), then send them all again.");
        }

        var result = await editor.VerifyManyAsync(await current.ActorAsync(ct), items, ct);
        var ids = items.Select(i => i.IndicatorId).Distinct().ToList();
        var series = await queries.SeriesAsync(ids, ct);
        IndicatorValueDto? Row(int indicatorId, Period period) =>
            series.GetValueOrDefault(indicatorId)?.For(period) is { Value: not null } row ? ToDto(row, yearStart) : null;
        string? Label(Period period) => period.Format(yearStart);

        if (result.IsDone)
        {
            var done = items.Select((item, index) =>
            {
                var period = Period.FromCode(item.Period!);
                return new BulkVerifyItemDto(index, item.IndicatorId, period.Code, Label(period), "verified", null, Row(item.IndicatorId, period));
            }).ToList();
            return TypedResults.Ok(new BulkVerifyDto(done.Count, done));
        }

        var problems = result.Problems.Select(p =>
        {
            var item = items[p.Index];
            var period = Period.FromCode(item.Period!);
            var (word, current) = p.Outcome switch
            {
                EditOutcome.Conflict => ("conflict", Row(item.IndicatorId, period)),
                EditOutcome.NotFound => ("notFound", null),
                _ => ("forbidden", (IndicatorValueDto?)null),
            };
            return new BulkVerifyItemDto(p.Index, item.IndicatorId, period.Code, Label(period), word, p.Reason, current);
        }).ToList();
        // The strongest reason decides the status: not allowed, then changed meanwhile, then gone.
        var (status, title) = problems.Any(p => p.Result == "forbidden") ? (StatusCodes.Status403Forbidden, "Not allowed")
            : problems.Any(p => p.Result == "conflict") ? (StatusCodes.Status409Conflict, "Changed by someone else")
            : (StatusCodes.Status404NotFound, "Not found");
        return TypedResults.Problem(
            detail: result.Reason ?? $"None of the {items.Count} values has been verified: {problems.Count} of them cannot be verified as sent. Each is in \"items\" with its reason (a changed value with \"value\" as it now is); put them right or leave them out, then send the request again.",
            statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["items"] = problems });
    }

    /// <summary>The items as the editor takes them, with every item's problems against items[i].field.</summary>
    private static (List<VerifyItem> Items, Dictionary<string, string[]> Errors) ReadItems(List<BulkVerifyWriteDto?> body, int yearStart)
    {
        var errors = new Dictionary<string, string[]>();
        var items = new List<VerifyItem>();
        var seen = new Dictionary<(int, string), int>();
        if (body.Count == 0)
        {
            errors["items"] = ["Send at least one value to verify: a JSON array of {indicator, period, version}"];
        }

        for (var index = 0; index < body.Count; index++)
        {
            var dto = body[index];
            var at = $"items[{index}]";
            var period = dto?.Period is { } text ? IndicatorEndpoints.ReadPeriod(text, yearStart) : null;
            if (dto?.Indicator is not { } id)
            {
                errors[$"{at}.indicator"] = ["Enter the indicator's id"];
            }
            else if (period is { } p && !seen.TryAdd((id, p.Code), index))
            {
                errors[$"{at}.period"] = [$"This value is already item {seen[(id, p.Code)]} of the request"];
            }

            if (period is null)
            {
                errors[$"{at}.period"] = [dto?.Period is null ? "Enter the period, such as Q2011-10" : $"\"{dto.Period}\" is not a period: use a code such as Q2011-10"];
            }

            if (dto?.Version is null)
            {
                errors[$"{at}.version"] = ["Send the version of the value you read, so that a value changed since is not verified unseen"];
            }

            items.Add(new VerifyItem(dto?.Indicator ?? 0, period?.Code, dto?.Version));
        }

        return (items, errors);
    }

    private static string Missing(int id, string period) => $"Indicator {id} has no value for {period} in this organisation.";
}
