using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Web.Accounts;
using static Waymark.Web.Api.IndicatorDtos;

namespace Waymark.Web.Api;

/// <summary>
/// The indicator API: definitions, targets and values, one at a time or many values at once. The same editors as the
/// pages do the work (<see cref="IndicatorEditor"/>, <see cref="IndicatorTargetEditor"/>, <see cref="IndicatorValueEditor"/>,
/// <see cref="IndicatorBulkValues"/>),
/// so validation, permissions and audit are the same; statuses come from <see cref="IndicatorQueries"/>.
/// </summary>
internal static class IndicatorEndpoints
{
    /// <summary>A create that "cannot find" its indicator: only said if the organisation went meanwhile.</summary>
    private const string IndicatorMissingHere = "There is no such indicator in this organisation.";

    public static void MapIndicatorEndpoints(this RouteGroupBuilder org)
    {
        var indicators = org.MapGroup("/indicators").RequireAuthorization(Policies.Member);
        indicators.MapGet("", ListIndicators)
            .WithName("ListIndicators").WithSummary($"The indicators with their definitions, targets and latest figures, {DefaultPageSize} a page (?limit= up to {IndicatorQueries.MaxPageSize:N0}; the Link header's next gives the page after, X-Total-Count how many there are). ?period=Q2011-04 or 2011/12 adds that period's figure, status and direction. Members only.")
            .ProducesValidationProblem();
        indicators.MapGet("/{id:int}", GetIndicator)
            .WithName("GetIndicator").WithSummary("One indicator: definition, the objectives it measures, targets, every period's value with status and direction, years, earlier definitions and the values' history.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        indicators.MapPost("", CreateIndicator).RequireAuthorization(Policies.ManageIndicators)
            .WithName("CreateIndicator").WithSummary("Defines an indicator. Administrators and performance officers anywhere; service managers for their units.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        indicators.MapPut("/{id:int}", UpdateIndicator).RequireAuthorization(Policies.ManageIndicators)
            .WithName("UpdateIndicator").WithSummary("Changes an indicator's definition. Send the version you read: a stale version is refused with 409 and the current indicator.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        indicators.MapDelete("/{id:int}", DeleteIndicator).RequireAuthorization(Policies.ManageIndicators)
            .WithName("DeleteIndicator").WithSummary("Deletes an indicator with its targets and values (?version= guards it). Refused with 409 while others are calculated from it or plans use it (as a measure or an action's link).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        indicators.MapPut("/{id:int}/targets/{year}", SetTargets).RequireAuthorization(Policies.ManageIndicators)
            .WithName("SetIndicatorTargets").WithSummary("Sets a year's target (year as a code, Y2011-04) and its quarterly or monthly profile. A number is a numeric target; text is kept as written. Send the indicator's version.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        indicators.MapGet("/{id:int}/targets/{year}/pro-rata", ProRataProfile).RequireAuthorization(Policies.ManageIndicators)
            .WithName("ProRataIndicatorTargets").WithSummary("Works out a pro-rata quarterly or monthly profile from ?target= for a year (Y2011-04) of a summed or cumulative indicator, to check before saving it with PUT …/targets/{year}. Saves nothing.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        indicators.MapGet("/{id:int}/values", ListValues)
            .WithName("ListIndicatorValues").WithSummary("Every period of the indicator: value, target, status and direction (words and text); periods with nothing entered yet are missing or not-due.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        indicators.MapGet("/{id:int}/values/{period}", GetValue)
            .WithName("GetIndicatorValue").WithSummary("One period's value (period as a code: Q2011-04, Y2011-04, M2011-05).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        indicators.MapPut("/{id:int}/values/{period}", SaveValue).RequireAuthorization(Policies.EnterValues)
            .WithName("SaveIndicatorValue").WithSummary("Enters (201) or changes (200; send the value's version) a period's value: a number, or notAvailable with a reason. Data owners, leads, service managers for their units, the central team.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        indicators.MapDelete("/{id:int}/values/{period}", DeleteValue).RequireAuthorization(Policies.EnterValues)
            .WithName("DeleteIndicatorValue").WithSummary("Deletes a period's value (?version= guards it); its history keeps the deletion.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        indicators.MapPost("/{id:int}/values/{period}/verify", VerifyValue).RequireAuthorization(Policies.VerifyValues)
            .WithName("VerifyIndicatorValue").WithSummary("Verifies a value (the data-quality sign-off). Never by whoever entered it (403 with the reason). Send the value's version.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        indicators.MapValueVerificationEndpoints();
        indicators.MapPost("/values/bulk", BulkSave).RequireAuthorization(Policies.EnterValues)
            .WithName("SaveIndicatorValuesInBulk").WithSummary($"Enters or changes up to {IndicatorBulkValues.MaxItems:N0} values (a JSON array), all or nothing: any wrong item (400, errors keyed items[i].field), refused item (403) or stale version (409) saves none.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    // ---------------------------------------------------------------- Reads

    /// <summary>How many indicators a page of the list holds when the request does not say (<c>?limit=</c>).</summary>
    public const int DefaultPageSize = 200;

    private static async Task<Results<Ok<List<IndicatorSummaryDto>>, ValidationProblem>> ListIndicators(
        string org, string? period, int? limit, int? after, IndicatorQueries queries, WaymarkDbContext db, OrganisationScope scope,
        HttpContext http, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        Period? asked = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            asked = ReadPeriod(period, yearStart);
            if (asked is null)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [IndicatorFields.Period] = ["Give the period as a code (Q2011-04, Y2011-04, M2011-05) or as written (2011/12, Q1 2011/12, May 2011)"] },
                    title: "The request has problems");
            }
        }

        if (limit is < 1 or > IndicatorQueries.MaxPageSize)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"The limit must be between 1 and {IndicatorQueries.MaxPageSize:N0}"] },
                title: "The request has problems");
        }

        var size = limit ?? DefaultPageSize;
        if (await queries.PageAsync(size, after, ct) is not { } page)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["after"] = [$"There is no indicator {after} in this organisation: follow the next link of the previous page"] },
                title: "The request has problems");
        }

        var all = page.Series;
        var ids = all.Select(s => s.Indicator.Id).ToList();
        var targets = (await db.IndicatorTargets.AsNoTracking().Where(t => ids.Contains(t.IndicatorId)).ToListAsync(ct)).ToLookup(t => t.IndicatorId);
        ApiPaging.Describe(http, page.Total, page.More && all.Count > 0 ? ("after", all[^1].Indicator.Id, size) : null);
        return TypedResults.Ok(all.Select(s =>
        {
            var i = s.Indicator;
            PeriodFigureDto? inPeriod = null;
            if (asked is { } p)
            {
                var (figure, target, status, direction) = s.In(p);
                var row = s.For(p);
                inPeriod = new PeriodFigureDto(p.Code, p.Format(yearStart), figure, row?.Value?.NotAvailableReason, ToDto(target),
                    status is { } st ? IndicatorWords.Word(st) : null, status is { } st2 ? IndicatorText.StatusText(st2) : null,
                    DirectionWord(direction), DirectionText(direction));
            }

            var latest = s.Latest is { } l
                ? new PeriodFigureDto(l.Period.Code, l.Period.Format(yearStart), l.Value?.Value, l.Value?.NotAvailableReason, ToDto(l.Target),
                    IndicatorWords.Word(l.Status), IndicatorText.StatusText(l.Status), DirectionWord(l.Direction), DirectionText(l.Direction))
                : null;
            return new IndicatorSummaryDto(
                i.Id, i.Code, i.Title, IndicatorWords.Word(i.Unit), i.DecimalPlaces, IndicatorWords.Word(i.Polarity),
                IndicatorWords.Word(i.Frequency), IndicatorWords.Word(i.Aggregation), IndicatorWords.TagWords(i.Tags),
                i.OwningUnit is { } u ? new UnitRefDto(u.Id, u.Name) : null, DataOwner(i), Lead(i), Baseline(i), Tolerance(i.Tolerance),
                IndicatorWords.Word(i.Calculation), Targets(targets[i.Id], yearStart), latest, inPeriod, i.Version);
        }).ToList());
    }

    private static async Task<Results<Ok<IndicatorDto>, ProblemHttpResult>> GetIndicator(
        string org, int id, IndicatorQueries queries, WaymarkDbContext db, OrganisationScope scope, CancellationToken ct)
    {
        var dto = await DetailAsync(id, queries, db, scope.Organisation!.YearStartMonth, ct);
        return dto is null ? IndicatorNotFound(id) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<List<IndicatorValueDto>>, ProblemHttpResult>> ListValues(
        string org, int id, IndicatorQueries queries, OrganisationScope scope, CancellationToken ct)
    {
        var series = await queries.SeriesAsync(id, ct);
        var yearStart = scope.Organisation!.YearStartMonth;
        return series is null ? IndicatorNotFound(id) : TypedResults.Ok(series.Periods.Select(r => ToDto(r, yearStart)).ToList());
    }

    private static async Task<Results<Ok<IndicatorValueDto>, ProblemHttpResult>> GetValue(
        string org, int id, string period, IndicatorQueries queries, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var series = await queries.SeriesAsync(id, ct);
        if (series is null)
        {
            return IndicatorNotFound(id);
        }

        return ReadPeriod(period, yearStart) is { } p && series.For(p) is { } row
            ? TypedResults.Ok(ToDto(row, yearStart))
            : ApiResults.NotFound($"Indicator {id} has no period {period}: give a period of its frequency that has started, as a code such as Q2011-04.");
    }

    // ---------------------------------------------------------------- Definitions and targets

    private static async Task<Results<Created<IndicatorDto>, ValidationProblem, ProblemHttpResult>> CreateIndicator(
        string org, IndicatorWriteDto body, IndicatorEditor editor, IndicatorQueries queries, WaymarkDbContext db, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var result = await editor.CreateAsync(await current.ActorAsync(ct), Input(body, yearStart), ct);
        return await ApiResults.AnswerAsync(result, done: async created =>
        {
            var dto = (await FreshDetailAsync(created.Id, queries, db, yearStart, ct))!;
            return TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/indicators/{dto.Id}", dto);
        }, current: async now => (object)(await FreshDetailAsync(now.Id, queries, db, yearStart, ct))!, IndicatorMissingHere);
    }

    private static async Task<Results<Ok<IndicatorDto>, ValidationProblem, ProblemHttpResult>> UpdateIndicator(
        string org, int id, IndicatorWriteDto body, IndicatorEditor editor, IndicatorQueries queries, WaymarkDbContext db, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var result = await editor.UpdateAsync(await current.ActorAsync(ct), id, body.Version, Input(body, yearStart), ct);
        return await DefinitionAnswerAsync(result, id, queries, db, yearStart, ct);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteIndicator(
        string org, int id, Guid? version, IndicatorEditor editor, IndicatorQueries queries, WaymarkDbContext db, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.DeleteAsync(await current.ActorAsync(ct), id, version, ct);
        return await ApiResults.AnswerAsync(result, done: _ => Task.FromResult(TypedResults.NoContent()),
            current: async _ => (object)(await DetailAsync(id, queries, db, scope.Organisation!.YearStartMonth, ct))!, IndicatorMissing(id));
    }

    private static async Task<Results<Ok<IndicatorDto>, ValidationProblem, ProblemHttpResult>> SetTargets(
        string org, int id, string year, YearTargetsWriteDto body, IndicatorTargetEditor editor, IndicatorQueries queries, WaymarkDbContext db,
        CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var target = TargetText(body.Target, IndicatorFields.Target, errors);
        var profile = (body.Profile ?? []).Select((p, n) => TargetText(p, $"{IndicatorFields.Profile}[{n}]", errors)).ToList();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems");
        }

        var yearStart = scope.Organisation!.YearStartMonth;
        var input = new YearTargetsInput(year, target, profile, body.Version)
        {
            SaveAsText = body.SaveAsText ?? false, Clear = body.Clear ?? false,
            BetterBy = body.BetterThanLastYearBy is { } by ? IndicatorNumbers.Plain(by) : null,
        };
        var result = await editor.SetYearTargetsAsync(await current.ActorAsync(ct), id, input, ct);
        return await DefinitionAnswerAsync(result, id, queries, db, yearStart, ct);
    }

    private static async Task<Results<Ok<ProRataProfileDto>, ValidationProblem, ProblemHttpResult>> ProRataProfile(
        string org, int id, string year, string? target, IndicatorTargetEditor editor, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(await current.ActorAsync(ct), id, ct);
        if (opened.Record is not { } indicator)
        {
            return ApiResults.Failure<NoContent, Indicator>(opened, IndicatorMissing(id)).Result switch
            {
                ValidationProblem problem => problem,
                var other => (ProblemHttpResult)other,
            };
        }

        var yearStart = scope.Organisation!.YearStartMonth;
        var errors = new Dictionary<string, string>();
        var period = IndicatorEditor.ReadYear(year, yearStart, IndicatorFields.Year, "the year", errors);
        var profile = period is { } y ? IndicatorTargetEditor.ProposeProfile(indicator, y, target, yearStart, errors) : null;
        if (profile is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "The request has problems");
        }

        var periods = IndicatorSeries.PeriodsOf(period!.Value, indicator.Frequency, yearStart);
        var yearTarget = IndicatorNumbers.TryParse(target, out var typed) ? typed : 0m; // ProposeProfile has read it already.
        return TypedResults.Ok(new ProRataProfileDto(period.Value.Code, yearTarget,
            periods.Select((p, n) => new IndicatorTargetDto(p.Code, p.Format(yearStart), profile[n], null)).ToList()));
    }

    /// <summary>A change of the definition or targets: the indicator as saved, or as it now is for a conflict.</summary>
    private static Task<Results<Ok<IndicatorDto>, ValidationProblem, ProblemHttpResult>> DefinitionAnswerAsync(
        EditResult<Indicator> result, int id, IndicatorQueries queries, WaymarkDbContext db, int yearStart, CancellationToken ct) =>
        ApiResults.AnswerAsync(result, done: async _ => TypedResults.Ok((await FreshDetailAsync(id, queries, db, yearStart, ct))!),
            current: async _ => (object)(await FreshDetailAsync(id, queries, db, yearStart, ct))!, IndicatorMissing(id));

    /// <summary>The indicator read afresh, not as the editor left it tracked.</summary>
    private static async Task<IndicatorDto?> FreshDetailAsync(int id, IndicatorQueries queries, WaymarkDbContext db, int yearStart, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await DetailAsync(id, queries, db, yearStart, ct);
    }

    // ---------------------------------------------------------------- Values

    private static async Task<Results<Created<IndicatorValueDto>, Ok<IndicatorValueDto>, ValidationProblem, ProblemHttpResult>> SaveValue(
        string org, int id, string period, ValueWriteDto body, IndicatorValueEditor editor, IndicatorQueries queries, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var input = new ValueInput(period, body.Value is { } v ? IndicatorNumbers.Plain(v) : null, body.NotAvailable ?? false,
            body.NotAvailableReason, body.Commentary, body.Version)
        {
            ConfirmUnusual = body.ConfirmUnusual ?? false, Remedial = body.Remedial,
            YearEndForecast = body.YearEndForecast is { } forecast ? IndicatorNumbers.Plain(forecast) : null,
            CorrectionReason = body.CorrectionReason,
        };
        var result = await editor.SaveAsync(await current.ActorAsync(ct), id, input, ct);
        var yearStart = scope.Organisation!.YearStartMonth;
        if (result.Outcome is EditOutcome.Done or EditOutcome.Conflict && await RowAsync(queries, id, result.Record!.Period, yearStart, ct) is { } dto)
        {
            if (result.Outcome == EditOutcome.Conflict)
            {
                return ApiResults.Conflict(result.Reason!, dto);
            }

            return body.Version is null
                ? TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/indicators/{id}/values/{dto.Period}", dto)
                : TypedResults.Ok(dto);
        }

        return ApiResults.Failure<NoContent, IndicatorValue>(result, ValueMissing(id, period)).Result switch
        {
            ValidationProblem problem => problem,
            var other => (ProblemHttpResult)other,
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteValue(
        string org, int id, string period, Guid? version, string? correctionReason, IndicatorValueEditor editor, IndicatorQueries queries,
        CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.DeleteAsync(await current.ActorAsync(ct), id, period, version, correctionReason, ct);
        return await ApiResults.AnswerAsync(result, done: _ => Task.FromResult(TypedResults.NoContent()),
            current: async now => (object)(await RowAsync(queries, id, now.Period, scope.Organisation!.YearStartMonth, ct))!, ValueMissing(id, period));
    }

    private static async Task<Results<Ok<IndicatorValueDto>, ValidationProblem, ProblemHttpResult>> VerifyValue(
        string org, int id, string period, VerifyWriteDto body, IndicatorValueEditor editor, IndicatorQueries queries, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.VerifyAsync(await current.ActorAsync(ct), id, period, body.Version, ct);
        var yearStart = scope.Organisation!.YearStartMonth;
        if (result.Outcome == EditOutcome.Refused)
        {
            // Verifying your own entry is a matter of who you are, so it is "not allowed" rather than "not possible now".
            return TypedResults.Problem(detail: result.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }

        return await ApiResults.AnswerAsync(result, done: async verified => TypedResults.Ok((await RowAsync(queries, id, verified.Period, yearStart, ct))!),
            current: async now => (object)(await RowAsync(queries, id, now.Period, yearStart, ct))!, ValueMissing(id, period));
    }

    private static async Task<Results<Ok<BulkValuesDto>, ValidationProblem, ProblemHttpResult>> BulkSave(
        string org, List<BulkValueWriteDto?> body, IndicatorBulkValues bulk, IndicatorQueries queries, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var items = body.Select(b => b is null
            ? new BulkValueInput(null, null, new ValueInput(null, null, false, null, null, null))
            : new BulkValueInput(b.Indicator, b.Code, new ValueInput(
                b.Period, b.Value is { } v ? IndicatorNumbers.Plain(v) : null, b.NotAvailable ?? false, b.NotAvailableReason, b.Commentary, b.Version)
            {
                ConfirmUnusual = b.ConfirmUnusual ?? false,
                Remedial = b.Remedial,
                CorrectionReason = b.CorrectionReason,
            }))
            .ToList();
        var result = await bulk.SaveAsync(await current.ActorAsync(ct), items, ct);
        switch (result.Outcome)
        {
            case BulkOutcome.Done:
                var done = result.Items.Select(i => new BulkItemDto(i.Index, i.Indicator.Id, i.Indicator.Code, i.Outcome.ToString().ToLowerInvariant(),
                    i.Row is null ? null : ToDto(i.Row, yearStart))).ToList();
                return TypedResults.Ok(new BulkValuesDto(
                    result.Items.Count(i => i.Outcome == BulkItemOutcome.Created), result.Items.Count(i => i.Outcome == BulkItemOutcome.Updated),
                    result.Items.Count(i => i.Outcome == BulkItemOutcome.Unchanged), done));
            case BulkOutcome.Invalid:
                return TypedResults.ValidationProblem(
                    result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
                    detail: "Nothing has been saved. Put right the items named in errors (items[i] is the i-th of the array, from 0), then send them all again.",
                    title: "The request has problems",
                    extensions: new Dictionary<string, object?> { ["items"] = result.InvalidItems });
            case BulkOutcome.TooMany:
                return TypedResults.Problem(detail: result.Reason, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many values");
            case BulkOutcome.Forbidden:
                return TypedResults.Problem(
                    detail: result.Refusals.Count == 0 ? result.Reason : $"{result.Reason} {string.Join(" ", result.Refusals.Select(r => $"Item {r.Index}: {r.Reason}"))}",
                    statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                    extensions: result.Refusals.Count == 0 ? null : new Dictionary<string, object?>
                    {
                        ["items"] = result.Refusals.Select(r => new BulkProblemItemDto(r.Index, r.IndicatorId, null, null, null, r.Reason, null)).ToList(),
                    });
            default:
                var conflicts = new List<BulkProblemItemDto>();
                var series = new Dictionary<int, IndicatorSeries?>();
                foreach (var c in result.Conflicts)
                {
                    if (!series.TryGetValue(c.Indicator.Id, out var s))
                    {
                        s = series[c.Indicator.Id] = await queries.SeriesAsync(c.Indicator.Id, ct);
                    }

                    var row = c.Current is null ? null : s?.For(c.Period);
                    conflicts.Add(new BulkProblemItemDto(c.Index, c.Indicator.Id, c.Indicator.Code, c.Period.Code, c.Period.Format(yearStart),
                        (c.Current, items[c.Index].Value.Version) switch
                        {
                            (null, _) => "Someone else deleted this value after you read it.",
                            (_, null) => "This period already has a value: read it, then send its version to change it.",
                            _ => "Someone else changed this value after you read it.",
                        },
                        row is null ? null : ToDto(row, yearStart)));
                }

                return TypedResults.Problem(
                    detail: $"{conflicts.Count} of the values changed since they were read, so nothing has been saved. Each is in \"items\" as it now is (\"current\"): re-read them, then send everything again with their versions.",
                    statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else",
                    extensions: new Dictionary<string, object?> { ["items"] = conflicts });
        }
    }

    private static string ValueMissing(int id, string period) => $"Indicator {id} has no value for {period} in this organisation.";

    private static async Task<IndicatorValueDto?> RowAsync(IndicatorQueries queries, int id, Period period, int yearStart, CancellationToken ct) =>
        (await queries.SeriesAsync(id, ct))?.For(period) is { } row ? ToDto(row, yearStart) : null;

    // ---------------------------------------------------------------- Mapping

    private static ProblemHttpResult IndicatorNotFound(int id) => ApiResults.NotFound(IndicatorMissing(id));

    private static string IndicatorMissing(int id) => $"There is no indicator {id} in this organisation.";


    internal static Period? ReadPeriod(string text, int yearStart)
    {
        if (Period.TryFromCode(text.Trim(), out var coded))
        {
            return coded;
        }

        return PeriodText.Parse(text, yearStart) is { Kind: PeriodTextKind.Period, Period: { } p } ? p : null;
    }

    /// <summary>A target as the editor reads it: a JSON number as plain digits, a string as written.</summary>
    private static string? TargetText(JsonElement? element, string field, Dictionary<string, string[]> errors) => element switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var d) => IndicatorNumbers.Plain(d),
        { ValueKind: JsonValueKind.String } e => StringOf(e, field, errors),
        _ => Invalid(field, errors),
    };

    /// <summary>The text of a JSON string, or an error against the field when it is not valid Unicode (an escaped half surrogate).</summary>
    private static string? StringOf(JsonElement element, string field, Dictionary<string, string[]> errors)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            errors[field] = [Waymark.Core.Editing.StoredText.Message("target", Waymark.Core.Editing.UnstorableKind.BrokenCharacter)];
            return null;
        }
    }

    private static string? Invalid(string field, Dictionary<string, string[]> errors)
    {
        errors[field] = ["A target must be a number, like 34, or text as the plan words it, like \"Set baseline\""];
        return null;
    }

    private static IndicatorDefinitionInput Input(IndicatorWriteDto b, int yearStart) => new()
    {
        Code = b.Code, Title = b.Title, Definition = b.Definition, Unit = b.Unit,
        DecimalPlaces = b.DecimalPlaces?.ToString(CultureInfo.InvariantCulture), Polarity = b.Polarity, Frequency = b.Frequency,
        Aggregation = b.Aggregation, DataSource = b.DataSource, Tags = b.Tags, UnitId = b.UnitId,
        DataOwnerPostId = b.DataOwnerPostId, DataOwnerPersonId = b.DataOwnerPersonId, LeadPostId = b.LeadPostId, LeadPersonId = b.LeadPersonId,
        BaselineValue = b.BaselineValue is { } bv ? IndicatorNumbers.Plain(bv) : null, BaselinePeriod = b.BaselinePeriod, BaselineNote = b.BaselineNote,
        Minimum = b.Minimum is { } min ? IndicatorNumbers.Plain(min) : null, Maximum = b.Maximum is { } max ? IndicatorNumbers.Plain(max) : null,
        ToleranceKind = b.ToleranceKind, ToleranceAmount = b.ToleranceAmount is { } t ? IndicatorNumbers.Plain(t) : null,
        Comparison = b.Comparison, NoChangeThreshold = b.NoChangeThreshold is { } n ? IndicatorNumbers.Plain(n) : null,
        CollectFrom = b.CollectFrom, CollectUntil = b.CollectUntil, ObjectiveIds = b.ObjectiveIds,
        Calculation = b.Calculation, Formula = b.Formula,
        Inputs = b.Inputs?.Select(x => new CalculationInputSpec(x.Variable, x.IndicatorId)).ToList(),
        ChangeAppliesFrom = b.ChangeAppliesFrom,
    };
}
