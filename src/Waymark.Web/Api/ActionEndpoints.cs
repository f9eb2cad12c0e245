using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// The actions API: a plan's actions, their quarterly progress, due date revisions and state, and "my actions". The same
/// services as the pages do the work (<see cref="ActionEditor"/>, <see cref="ActionProgress"/>, <see cref="ActionQueries"/>),
/// so validation, permissions, overdue and audit are the pages'. An action is reached through its plan (the services find
/// it only within the plan in the address), and only by those who may read the plan (councillors: approved and published plans).
/// </summary>
internal static class ActionEndpoints
{
    public static void MapActionEndpoints(this RouteGroupBuilder org)
    {
        org.MapGet("/my-actions", MyActions).RequireAuthorization(Policies.EnterValues)
            .WithName("ListMyActions").WithSummary("The open actions you lead (yourself or through a post you hold): overdue, needing this quarter's update, up to date. Everyone who may record progress but councillors and auditors.");

        var actions = org.MapGroup("/plans/{id:int}/actions").RequireAuthorization(Policies.Member);
        actions.MapGet("", ListActions)
            .WithName("ListActions").WithSummary("The plan's actions in order, flat (a sub-action names its parentId): leads, start and due, state, overdue, latest update, resources. Members who may read the plan (councillors: approved and published plans).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        actions.MapGet("/{actionId:int}", GetAction)
            .WithName("GetAction").WithSummary("One action: every field, leads, dates as written with their months, revisions, links, resources, its updates, the current quarter and whether its update is due.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        actions.MapPost("", CreateAction)
            .WithName("CreateAction").WithSummary("Adds an action to a draft plan (201). Administrators and performance officers; service managers for their units' plans. A plan that is not a draft: 409.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        actions.MapPut("/{actionId:int}", UpdateAction)
            .WithName("UpdateAction").WithSummary("Changes an action of a draft plan: every field, with the version you read (a stale version: 409 with the current action).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        actions.MapDelete("/{actionId:int}", DeleteAction)
            .WithName("DeleteAction").WithSummary("Deletes an action of a draft plan (?version= guards it). Refused with 409 while it has sub-actions.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        actions.MapGet("/{actionId:int}/updates", ListUpdates)
            .WithName("ListActionUpdates").WithSummary("The action's progress updates, newest first, with the current quarter, whether its update is due, and why Green cannot be chosen now (when it cannot).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        actions.MapPut("/{actionId:int}/updates/{quarter}", SaveUpdate)
            .WithName("SaveActionUpdate").WithSummary("Records (201) or replaces (200; send the action's version) a quarter's update (quarter as Q2011-04 or Q1 2011/12): rag and commentary. Green is refused (400) while the action is overdue until its due date is revised. Its leads, service managers for their units' plans, the central team; in any state of the plan.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        actions.MapDelete("/{actionId:int}/updates/{quarter}", DeleteUpdate)
            .WithName("DeleteActionUpdate").WithSummary("Deletes a quarter's update (?version= is the action's). The same people as recording it.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        actions.MapPost("/{actionId:int}/due", ReviseDue)
            .WithName("ReviseActionDue").WithSummary("Revises the due month (\"Dec 12\"), with the reason and the action's version; every revision is kept. The same people as recording progress.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        actions.MapPost("/{actionId:int}/state", SetState)
            .WithName("SetActionState").WithSummary("Sets the action's state (completed with completedOn, today when left out), with its version. The same people as recording progress.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    // ---------------------------------------------------------------- Reads

    private static async Task<Results<Ok<List<ActionSummaryDto>>, ProblemHttpResult>> ListActions(
        string org, int id, ActionQueries queries, WaymarkDbContext db, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return ApiResults.NotFound($"There is no plan {id} in this organisation.");
        }

        if (!Permissions.CanReadPlan(await current.ActorAsync(ct), scope.Organisation!.Id, plan.State))
        {
            return NotReadable();
        }

        var yearStart = scope.Organisation.YearStartMonth;
        var rows = await queries.PlanActionsAsync(id, yearStart, ct);
        return TypedResults.Ok(rows.Select(r => ToDto(r, scope.Organisation)).ToList());
    }

    private static async Task<Results<Ok<ActionDto>, ProblemHttpResult>> GetAction(
        string org, int id, int actionId, ActionQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var (detail, problem) = await ReadableAsync(id, actionId, queries, current, scope, ct);
        return detail is null ? problem! : TypedResults.Ok(ToDto(detail, scope.Organisation!));
    }

    private static async Task<Results<Ok<ActionProgressDto>, ProblemHttpResult>> ListUpdates(
        string org, int id, int actionId, ActionQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var (detail, problem) = await ReadableAsync(id, actionId, queries, current, scope, ct);
        if (detail is null)
        {
            return problem!;
        }

        var yearStart = scope.Organisation!.YearStartMonth;
        return TypedResults.Ok(new ActionProgressDto(
            ToDto(detail.CurrentQuarter, yearStart), detail.NeedsUpdate, detail.IsOverdue, ActionRules.WhyNotGreen(detail.Action, queries.Today, yearStart),
            detail.Updates.Select(u => ToDto(u, detail.Action.Version, scope.Organisation)).ToList(), detail.Action.Version));
    }

    private static async Task<Ok<MyActionsDto>> MyActions(string org, ActionQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var yearStart = scope.Organisation!.YearStartMonth;
        var mine = await queries.MyActionsAsync(await current.ActorAsync(ct), yearStart, ct);
        List<MyActionDto> Rows(IEnumerable<MyActionRow> rows) => rows.Select(r => new MyActionDto(r.Plan.Id, r.Plan.Title, ToDto(r.Row, scope.Organisation))).ToList();
        return TypedResults.Ok(new MyActionsDto(ToDto(mine.CurrentQuarter, yearStart), Rows(mine.Overdue), Rows(mine.NeedsUpdate), Rows(mine.UpToDate)));
    }

    // ---------------------------------------------------------------- Content (drafts only)

    private static async Task<Results<Created<ActionDto>, ValidationProblem, ProblemHttpResult>> CreateAction(
        string org, int id, ActionWriteDto body, ActionEditor editor, ActionQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.CreateAsync(await current.ActorAsync(ct), id, Input(body, creating: true), ct);
        return await ApiResults.AnswerAsync(result, async action =>
        {
            var dto = await DtoAsync(queries, id, action.Id, scope, ct);
            return TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/plans/{id}/actions/{dto.Id}", dto);
        }, async action => await DtoAsync(queries, id, action.Id, scope, ct), $"There is no plan {id} in this organisation.");
    }

    private static async Task<Results<Ok<ActionDto>, ValidationProblem, ProblemHttpResult>> UpdateAction(
        string org, int id, int actionId, ActionWriteDto body, ActionEditor editor, ActionQueries queries, CurrentUser current, OrganisationScope scope,
        CancellationToken ct)
    {
        var result = await editor.UpdateAsync(await current.ActorAsync(ct), id, actionId, Input(body, creating: false), ct);
        return await ActionSavedAsync(result, queries, id, actionId, scope, ct);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAction(
        string org, int id, int actionId, Guid? version, ActionEditor editor, ActionQueries queries, CurrentUser current, OrganisationScope scope,
        CancellationToken ct)
    {
        var result = await editor.DeleteAsync(await current.ActorAsync(ct), id, actionId, version, ct);
        return await ApiResults.AnswerAsync(result, _ => Task.FromResult(TypedResults.NoContent()),
            async _ => await DtoAsync(queries, id, actionId, scope, ct), ActionNotFoundText(id, actionId));
    }

    // ---------------------------------------------------------------- Progress (any state of the plan)

    private static async Task<Results<Created<ActionUpdateDto>, Ok<ActionUpdateDto>, ValidationProblem, ProblemHttpResult>> SaveUpdate(
        string org, int id, int actionId, string quarter, ActionProgressWriteDto body, ActionProgress progress, ActionQueries queries,
        CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        // Read first: the updates already there tell a new quarter's update (201) from a replaced one (200).
        var (detail, problem) = await ReadableAsync(id, actionId, queries, current, scope, ct);
        if (detail is null)
        {
            return problem!;
        }

        var result = await progress.RecordUpdateAsync(
            await current.ActorAsync(ct), id, actionId, new ProgressInput(QuarterText(quarter), body.Rag, body.Commentary, body.Version)
            {
                Status = body.Status, Remedial = body.Remedial, YearEndForecast = body.YearEndForecast, CorrectionReason = body.CorrectionReason,
            }, ct);
        if (body.Version is null && result.Record is { } existing && result.Outcome == EditOutcome.Conflict)
        {
            // Without a version, the caller did not know of the update already there.
            return ApiResults.Conflict("This quarter already has an update.", (await UpdateDtoAsync(queries, id, actionId, existing.Quarter, scope, ct))!);
        }

        var answer = await ApiResults.AnswerAsync(result, async update =>
        {
            var dto = (await UpdateDtoAsync(queries, id, actionId, update.Quarter, scope, ct))!;
            return detail.Updates.Any(u => u.Quarter == update.Quarter)
                ? (Results<Created<ActionUpdateDto>, Ok<ActionUpdateDto>>)TypedResults.Ok(dto)
                : TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/plans/{id}/actions/{actionId}/updates", dto);
        }, async update => (await UpdateDtoAsync(queries, id, actionId, update.Quarter, scope, ct))!, ActionNotFoundText(id, actionId));
        return answer.Result switch
        {
            Results<Created<ActionUpdateDto>, Ok<ActionUpdateDto>> { Result: Created<ActionUpdateDto> created } => created,
            Results<Created<ActionUpdateDto>, Ok<ActionUpdateDto>> { Result: var replaced } => (Ok<ActionUpdateDto>)replaced,
            ValidationProblem invalid => invalid,
            var other => (ProblemHttpResult)other,
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteUpdate(
        string org, int id, int actionId, string quarter, Guid? version, string? correctionReason, ActionProgress progress, ActionQueries queries,
        CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        // Read first, so that a missing update (404 below) is told from a missing action.
        if ((await ReadableAsync(id, actionId, queries, current, scope, ct)).Problem is { } problem)
        {
            return problem;
        }

        var text = QuarterText(quarter);
        var result = await progress.DeleteUpdateAsync(await current.ActorAsync(ct), id, actionId, text, version, correctionReason, ct);
        return await ApiResults.AnswerAsync(result, _ => Task.FromResult(TypedResults.NoContent()),
            async update => (await UpdateDtoAsync(queries, id, actionId, update.Quarter, scope, ct))!, $"Action {actionId} has no update for {text}.");
    }

    private static async Task<Results<Ok<ActionDto>, ValidationProblem, ProblemHttpResult>> ReviseDue(
        string org, int id, int actionId, ActionDueWriteDto body, ActionProgress progress, ActionQueries queries, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var result = await progress.ReviseDueAsync(await current.ActorAsync(ct), id, actionId, new DueRevisionInput(body.Month, body.Reason, body.Version), ct);
        return await ActionSavedAsync(result, queries, id, actionId, scope, ct);
    }

    private static async Task<Results<Ok<ActionDto>, ValidationProblem, ProblemHttpResult>> SetState(
        string org, int id, int actionId, ActionStateWriteDto body, ActionProgress progress, ActionQueries queries, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var result = await progress.SetStateAsync(await current.ActorAsync(ct), id, actionId, Read(body.State, ActionTerms.States, null), body.CompletedOn, body.Version, ct);
        return await ActionSavedAsync(result, queries, id, actionId, scope, ct);
    }

    // ---------------------------------------------------------------- Finding, outcomes

    /// <summary>The action of the plan, when the caller may read the plan; otherwise 404, or 403 for a councillor and a plan not yet approved.</summary>
    private static async Task<(ActionDetail? Detail, ProblemHttpResult? Problem)> ReadableAsync(
        int planId, int actionId, ActionQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(planId, actionId, ct);
        if (detail is null)
        {
            return (null, ActionNotFound(planId, actionId));
        }

        return Permissions.CanReadPlan(await current.ActorAsync(ct), scope.Organisation!.Id, detail.Plan.State) ? (detail, null) : (null, NotReadable());
    }

    private static ProblemHttpResult NotReadable() =>
        TypedResults.Problem(detail: PlanQueries.NotYetReadable, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");

    private static string ActionNotFoundText(int planId, int actionId) => $"Plan {planId} has no action {actionId} in this organisation.";

    private static ProblemHttpResult ActionNotFound(int planId, int actionId) => ApiResults.NotFound(ActionNotFoundText(planId, actionId));

    /// <summary>A change to the action: the action as the API shows it now, saved or (a conflict) as someone else saved it.</summary>
    private static Task<Results<Ok<ActionDto>, ValidationProblem, ProblemHttpResult>> ActionSavedAsync(
        EditResult<PlanAction> result, ActionQueries queries, int planId, int actionId, OrganisationScope scope, CancellationToken ct) =>
        ApiResults.AnswerAsync(result, async _ => TypedResults.Ok(await DtoAsync(queries, planId, actionId, scope, ct)),
            async _ => await DtoAsync(queries, planId, actionId, scope, ct), ActionNotFoundText(planId, actionId));

    /// <summary>A quarter from the path: a label's "/" ("Q1 2011/12") arrives escaped.</summary>
    private static string QuarterText(string quarter) => Uri.UnescapeDataString(quarter);

    // ---------------------------------------------------------------- Mapping

    private static ActionInput Input(ActionWriteDto b, bool creating) => new()
    {
        Kind = Read(b.Kind, ActionTerms.Kinds, creating ? ActionKind.ImprovementAction : null),
        Reference = b.Reference, Title = b.Title, Description = b.Description, ParentId = b.ParentId, ObjectiveId = b.ObjectiveId,
        RecommendationId = b.RecommendationId,
        Leads = (b.Leads ?? []).Where(l => l is not null).Select(l => new ActionLeadInput(l!.PostId, l.PersonId, l.Name)).ToList(),
        Start = b.Start, Due = b.Due, State = Read(b.State, ActionTerms.States, creating ? ActionState.NotStarted : null), CompletedOn = b.CompletedOn,
        LinkedObjectiveIds = b.Links?.ObjectiveIds ?? [], LinkedIndicatorIds = b.Links?.IndicatorIds ?? [], LinkText = b.LinkText,
        OtherServices = b.OtherServices, ResourcesText = b.ResourcesText, ResourcesAmount = b.ResourcesAmount?.ToString(CultureInfo.InvariantCulture),
        Outputs = b.Outputs, Outcomes = b.Outcomes, Risks = b.Risks, InServicePlan = b.InServicePlan, InServicePlanId = b.InServicePlanId,
        Version = b.Version,
    };

    /// <summary>
    /// A word as its value; a missing word is <paramref name="missing"/> when there is one. Otherwise a value no word names,
    /// which the editor refuses with its own message for the field, beside the body's other problems.
    /// </summary>
    private static T Read<T>(string? word, IReadOnlyDictionary<string, T> words, T? missing)
        where T : struct, Enum =>
        string.IsNullOrWhiteSpace(word) && missing is { } value ? value
            : ActionTerms.TryRead(word, words, out var read) ? read
            : (T)Enum.ToObject(typeof(T), -1);

    private static async Task<ActionDto> DtoAsync(ActionQueries queries, int planId, int actionId, OrganisationScope scope, CancellationToken ct) =>
        ToDto((await queries.DetailAsync(planId, actionId, ct))!, scope.Organisation!);

    private static async Task<ActionUpdateDto?> UpdateDtoAsync(ActionQueries queries, int planId, int actionId, Period quarter, OrganisationScope scope, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(planId, actionId, ct);
        return detail?.Updates.FirstOrDefault(u => u.Quarter == quarter) is { } update ? ToDto(update, detail.Action.Version, scope.Organisation!) : null;
    }

    private static ActionDto ToDto(ActionDetail d, Organisation organisation)
    {
        var yearStart = organisation.YearStartMonth;
        var a = d.Action;
        var links = a.Links.OrderBy(l => l.Id).ToList();
        return new ActionDto(
            a.Id, d.Plan.Id, a.ParentId, a.Children.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => c.Id).ToList(), a.Reference, a.Title, a.Description,
            ActionTerms.Word(a.Kind), a.ObjectiveId, a.Objective is { } o ? new ActionRefDto(o.Id, o.Reference, o.Title) : null,
            a.RecommendationId, a.Recommendation is { } r ? new ActionRefDto(r.Id, r.Number, r.Text) : null, Leads(a),
            a.StartText, ToDto(a.StartMonth, yearStart), a.DueText, ToDto(a.DueMonth, yearStart), ToDto(a.RevisedDueMonth, yearStart),
            d.Revisions.Select(v => new ActionRevisionDto(ToDto(v.FromMonth, yearStart), ToDto(v.ToMonth, yearStart), v.Reason, v.ByName, v.At)).ToList(),
            a.CompletedOn, ActionTerms.Word(a.State), ActionRules.Text(a.State), d.IsOverdue,
            new ActionLinksDto(
                links.Where(l => l.ObjectiveId is not null).Select(l => l.ObjectiveId!.Value).ToList(),
                links.Where(l => l.IndicatorId is not null).Select(l => l.IndicatorId!.Value).ToList(),
                links.Where(l => l.Objective is not null).Select(l => new ActionRefDto(l.Objective!.Id, l.Objective.Reference, l.Objective.Title)).ToList(),
                links.Where(l => l.Indicator is not null).Select(l => new ActionRefDto(l.Indicator!.Id, l.Indicator.Code, l.Indicator.Title)).ToList()),
            links.FirstOrDefault(l => l.Text is not null)?.Text, a.OtherServices, a.ResourcesText, a.ResourcesAmount, a.Outputs, a.Outcomes, a.Risks,
            a.InServicePlan, a.InServicePlanId, d.InServicePlanTitle, a.CarriedFromId is not null, a.CarriedFromId,
            d.Updates.Select(u => ToDto(u, a.Version, organisation)).ToList(), ToDto(d.CurrentQuarter, yearStart), d.NeedsUpdate, a.Version);
    }

    private static ActionSummaryDto ToDto(ActionRow row, Organisation organisation)
    {
        var yearStart = organisation.YearStartMonth;
        var a = row.Action;
        return new ActionSummaryDto(
            a.Id, a.ParentId, a.Reference, a.Title, ActionTerms.Word(a.Kind), Leads(a), a.StartText, a.DueText, ToDto(a.DueMonth, yearStart),
            ToDto(a.RevisedDueMonth, yearStart), ActionTerms.Word(a.State), ActionRules.Text(a.State), a.CompletedOn, row.IsOverdue,
            row.Latest is { } latest ? ToDto(latest, a.Version, organisation) : null, row.NeedsUpdate, a.ResourcesText, a.ResourcesAmount,
            a.Outputs, a.Outcomes, a.Version);
    }

    /// <summary>An update as the API gives it; its meaning is the organisation's own key (<see cref="RagKey.For"/>).</summary>
    private static ActionUpdateDto ToDto(ActionUpdate u, Guid actionVersion, Organisation organisation) => new(
        u.Quarter.Code, u.Quarter.Format(organisation.YearStartMonth), u.Rag is { } rag ? ActionTerms.Word(rag) : null, u.Rag is { } text ? ActionRules.Text(text) : null,
        u.Rag is { } meaning ? RagKey.For(organisation).Meaning(meaning) : null, u.Commentary, u.ByName, u.At, u.IsDemonstration, actionVersion)
    {
        Status = u.Status is { } status ? ActionTerms.Word(status) : null, StatusText = u.Status is { } words ? ActionRules.Text(words) : null,
        Remedial = u.Remedial, YearEndForecast = u.YearEndForecast is { } forecast ? ActionTerms.Word(forecast) : null,
    };

    private static List<ActionLeadDto> Leads(PlanAction a) =>
        a.Leads.OrderBy(l => l.Id).Select(l => new ActionLeadDto(l.PostId, l.PersonId, l.Name, ActionQueries.LeadName(l))).ToList();

    private static ActionPeriodDto ToDto(Period p, int yearStart) => new(p.Code, p.Format(yearStart));

    private static ActionPeriodDto? ToDto(Period? p, int yearStart) => p is { } x ? ToDto(x, yearStart) : null;
}
