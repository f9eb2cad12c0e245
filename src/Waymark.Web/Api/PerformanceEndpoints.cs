using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Organisations;
using Waymark.Core.Performance;
using Waymark.Core.Periods;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// Roll-ups, year-end forecasts and exceptions for a period (DESIGN.md §3), read through the same queries as the pages
/// (<see cref="PerformanceQueries"/>); the exception settings, changed by administrators.
/// </summary>
internal static class PerformanceEndpoints
{
    private const string PeriodHelp = "?period= a quarter, month or year (Q1 2011/12, or its code Q2011-04; by default the latest quarter that has ended)";

    public static void MapPerformanceEndpoints(this RouteGroupBuilder org)
    {
        var performance = org.MapGroup("/performance").RequireAuthorization(Policies.Member);
        performance.MapGet("/roll-up", GetRollUp)
            .WithName("GetRollUp").WithSummary($"Counts of measures and actions by status and % on target for a framework entry (?objective=), a unit and those below it (?unit=), a plan (?plan=), or the whole organisation. {PeriodHelp}.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        performance.MapGet("/rows", GetRows)
            .WithName("GetPerformanceRows").WithSummary($"One row per item (?indicators=1,2&actions=3&milestones=4; an omitted list is none, unless all three are omitted: then every item): value, target, status, direction of travel, year-end forecast with its status and label, commentary, remedial action, responsible officer, portfolio holder, exceptions; and their roll-up. {PeriodHelp}.")
            .ProducesValidationProblem();
        performance.MapGet("/forecasts", GetForecasts)
            .WithName("GetForecasts").WithSummary($"Year-end forecasts of every indicator and action: the owner's forecast when given, else projected; with its status against the year's target. {PeriodHelp}.")
            .ProducesValidationProblem();
        performance.MapGet("/exceptions", GetExceptions)
            .WithName("GetExceptions").WithSummary($"The exceptions of a period grouped by kind (only the kinds the organisation reports), each item with commentary, remedial action, responsible officer, portfolio holder and how long; ?unit= narrows to a unit and those below it. {PeriodHelp}.")
            .ProducesValidationProblem();
        performance.MapGet("/exception-settings", GetSettings)
            .WithName("GetExceptionSettings").WithSummary("Which exception kinds are reported, and N of \"Red for N periods running\".");
        performance.MapPut("/exception-settings", PutSettings).RequireAuthorization(Policies.ManageOrganisation)
            .WithName("UpdateExceptionSettings").WithSummary("Changes the exception settings ({kinds: [red, red-persisting, red-without-action, amber-twice, worsening-twice, missing-at-deadline, overdue-action, missed-milestone], redPeriods: 2 to 8, version}): administrators.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<RollUpDto>, ValidationProblem, ProblemHttpResult>> GetRollUp(
        string org, string? period, int? objective, int? unit, int? plan, PerformanceQueries queries, OrganisationScope scope, CancellationToken ct)
    {
        var organisation = scope.Organisation!;
        var errors = new Dictionary<string, string[]>();
        var chosen = ReadPeriod(period, organisation, queries.Today, errors);
        if (new[] { objective, unit, plan }.Count(x => x.HasValue) > 1)
        {
            errors["objective"] = ["Give one of objective, unit or plan, or none for the whole organisation"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems");
        }

        var rows = objective is { } o ? await queries.ObjectiveAsync(organisation, chosen, o, ct)
            : unit is { } u ? await queries.UnitAsync(organisation, chosen, u, ct)
            : plan is { } p ? await queries.PlanAsync(organisation, chosen, p, ct)
            : await queries.RowsAsync(organisation, chosen, null, null, [], ct);
        return rows is null
            ? ApiResults.NotFound("There is no such framework entry, unit or plan in this organisation.")
            : TypedResults.Ok(RollUpDto.Of(rows, organisation.YearStartMonth));
    }

    private static async Task<Results<Ok<PerformanceRowsDto>, ValidationProblem>> GetRows(
        string org, string? period, string? indicators, string? actions, string? milestones, PerformanceQueries queries, OrganisationScope scope, CancellationToken ct)
    {
        var organisation = scope.Organisation!;
        var errors = new Dictionary<string, string[]>();
        var chosen = ReadPeriod(period, organisation, queries.Today, errors);
        var all = indicators is null && actions is null && milestones is null;
        var indicatorIds = Ids(indicators, "indicators", all, errors);
        var actionIds = Ids(actions, "actions", all, errors);
        var milestoneIds = Ids(milestones, "milestones", all, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems");
        }

        var rows = await queries.RowsAsync(organisation, chosen, indicatorIds, actionIds, milestoneIds, ct);
        return TypedResults.Ok(PerformanceRowsDto.Of(rows, organisation.YearStartMonth));
    }

    private static async Task<Results<Ok<PerformanceRowsDto>, ValidationProblem>> GetForecasts(
        string org, string? period, PerformanceQueries queries, OrganisationScope scope, CancellationToken ct)
    {
        var organisation = scope.Organisation!;
        var errors = new Dictionary<string, string[]>();
        var chosen = ReadPeriod(period, organisation, queries.Today, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems");
        }

        var rows = await queries.RowsAsync(organisation, chosen, null, null, [], ct);
        return TypedResults.Ok(PerformanceRowsDto.Of(rows, organisation.YearStartMonth));
    }

    private static async Task<Results<Ok<ExceptionsDto>, ValidationProblem>> GetExceptions(
        string org, string? period, int? unit, PerformanceQueries queries, OrganisationScope scope, CancellationToken ct)
    {
        var organisation = scope.Organisation!;
        var errors = new Dictionary<string, string[]>();
        var chosen = ReadPeriod(period, organisation, queries.Today, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems");
        }

        return TypedResults.Ok(ExceptionsDto.Of(await queries.ExceptionsAsync(organisation, chosen, unit, ct), organisation.YearStartMonth));
    }

    private static Ok<ExceptionSettingsDto> GetSettings(string org, OrganisationScope scope) =>
        TypedResults.Ok(ExceptionSettingsDto.Of(scope.Organisation!));

    private static async Task<Results<Ok<ExceptionSettingsDto>, ValidationProblem, ProblemHttpResult>> PutSettings(
        string org, ExceptionSettingsWriteDto body, ExceptionSettingsEditor editor, CurrentUser current, CancellationToken ct)
    {
        var input = new ExceptionSettingsInput(body.Kinds ?? [], body.RedPeriods?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var result = await editor.UpdateAsync(await current.ActorAsync(ct), body.Version, input, ct);
        return await ApiResults.AnswerAsync(result,
            saved => Task.FromResult(TypedResults.Ok(ExceptionSettingsDto.Of(saved))),
            now => Task.FromResult<object>(ExceptionSettingsDto.Of(now)), "There is no such organisation.");
    }

    /// <summary>The period asked for (a code or as written), else the default; its error against "period".</summary>
    private static Period ReadPeriod(string? text, Organisation organisation, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PerformanceQueries.DefaultPeriod(organisation, today);
        }

        if (IndicatorEndpoints.ReadPeriod(text, organisation.YearStartMonth) is { } period)
        {
            return period;
        }

        errors["period"] = ["Give the period as a quarter, month or year, like Q3 2011/12 or 2011/12"];
        return PerformanceQueries.DefaultPeriod(organisation, today);
    }

    /// <summary>A comma-separated list of ids; omitted: every one when <paramref name="all"/>, else none.</summary>
    private static List<int>? Ids(string? text, string field, bool all, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return all ? null : [];
        }

        var ids = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors[field] = [$"Give {field} as ids separated by commas, like 12,15"];
            }
        }

        return ids;
    }
}
