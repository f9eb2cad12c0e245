using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// The plans API: plans with their sections, objectives, measures and recommendations, and the plan workflow. The same
/// editors as the pages do the work (<see cref="PlanEditor"/>, <see cref="PlanSectionEditor"/>, <see cref="PlanObjectiveEditor"/>,
/// <see cref="RecommendationEditor"/>, <see cref="PlanWorkflow"/>, <see cref="PlanRollForward"/>),
/// so validation, permissions, "drafts only" and audit are the pages'; reads come from <see cref="PlanQueries"/>. A
/// plan's actions are read and changed through the actions API, which each action's path points to.
/// </summary>
internal static class PlanEndpoints
{
    public static void MapPlanEndpoints(this RouteGroupBuilder org)
    {
        var plans = org.MapGroup("/plans");
        plans.MapGet("", ListPlans).RequireAuthorization(Policies.ReadPlans)
            .WithName("ListPlans").WithSummary("The plans you may read (councillors: approved and published ones), newest years first. Filters: ?type=service-plan, ?unit=5, ?state=approved, ?year=2011/12 or Y2011-04 (plans covering that year).")
            .ProducesValidationProblem();
        plans.MapGet("/{id:int}", GetPlan).RequireAuthorization(Policies.ReadPlans)
            .WithName("GetPlan").WithSummary("One plan: its facts, sections, objectives with measures and yearly targets, recommendations with the actions answering them, its actions as a tree, and its workflow history. Councillors read approved and published plans only (403).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("", CreatePlan).RequireAuthorization(Policies.CreatePlans)
            .WithName("CreatePlan").WithSummary("Starts a draft plan with the organisation's template sections. Administrators and performance officers; service managers for their units.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        plans.MapPut("/{id:int}", UpdatePlan).RequireAuthorization(Policies.CreatePlans)
            .WithName("UpdatePlan").WithSummary("Changes a draft plan's facts (type, title, unit, years, head of service, source). Send the version you read: a stale version is refused with 409 and the current plan; a plan that is not a draft, with 409 and the reason.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapDelete("/{id:int}", DeletePlan).RequireAuthorization(Policies.CreatePlans)
            .WithName("DeletePlan").WithSummary("Deletes a draft plan with everything in it (?version= guards it).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        plans.MapPost("/{id:int}/sections", AddSection).RequireAuthorization(Policies.CreatePlans)
            .WithName("AddPlanSection").WithSummary("Adds a narrative section (heading, Markdown body) at the end of a draft plan.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPut("/{id:int}/sections/{sectionId:int}", UpdateSection).RequireAuthorization(Policies.CreatePlans)
            .WithName("UpdatePlanSection").WithSummary("Changes a section's heading and body. Send the section's version.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapDelete("/{id:int}/sections/{sectionId:int}", DeleteSection).RequireAuthorization(Policies.CreatePlans)
            .WithName("DeletePlanSection").WithSummary("Deletes a section of a draft plan.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        plans.MapPost("/{id:int}/objectives", AddObjective).RequireAuthorization(Policies.CreatePlans)
            .WithName("AddPlanObjective").WithSummary("Puts a framework objective (objectiveId) in a draft plan, in a role, with its lead officer and resources.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPut("/{id:int}/objectives/{planObjectiveId:int}", UpdateObjective).RequireAuthorization(Policies.CreatePlans)
            .WithName("UpdatePlanObjective").WithSummary("Changes an objective in the plan: which framework objective, its role, lead officer and resources. Send its version.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapDelete("/{id:int}/objectives/{planObjectiveId:int}", RemoveObjective).RequireAuthorization(Policies.CreatePlans)
            .WithName("RemovePlanObjective").WithSummary("Takes an objective out of a draft plan, with its measures; the framework objective stays.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        plans.MapPost("/{id:int}/measures", AddMeasure).RequireAuthorization(Policies.CreatePlans)
            .WithName("AddPlanMeasure").WithSummary("Measures one of the plan's objectives (planObjectiveId) by an indicator, an existing milestone, or a new milestone with a target per plan year.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPut("/{id:int}/measures/{measureId:int}", UpdateMeasure).RequireAuthorization(Policies.CreatePlans)
            .WithName("UpdatePlanMeasure").WithSummary("Changes a measure's lead officer and resources and, for a milestone, its title and yearly targets. Send the measure's version.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapDelete("/{id:int}/measures/{measureId:int}", RemoveMeasure).RequireAuthorization(Policies.CreatePlans)
            .WithName("RemovePlanMeasure").WithSummary("Takes a measure out of a draft plan.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        plans.MapPost("/{id:int}/recommendations", AddRecommendation).RequireAuthorization(Policies.CreatePlans)
            .WithName("AddPlanRecommendation").WithSummary("Adds an inspection recommendation (number, text) that the plan answers.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPut("/{id:int}/recommendations/{recommendationId:int}", UpdateRecommendation).RequireAuthorization(Policies.CreatePlans)
            .WithName("UpdatePlanRecommendation").WithSummary("Changes a recommendation's number and text. Send its version.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapDelete("/{id:int}/recommendations/{recommendationId:int}", DeleteRecommendation).RequireAuthorization(Policies.CreatePlans)
            .WithName("DeletePlanRecommendation").WithSummary("Deletes a recommendation; the actions that answered it stay in the plan, answering none.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        // Who may take each step is decided per plan by PlanWorkflowRules, as on the workflow pages.
        plans.MapPost("/{id:int}/submit", Submit).RequireAuthorization(Policies.Member)
            .WithName("SubmitPlan").WithSummary("Draft → submitted, with an optional comment. Those who may change the plan. Send the plan's version.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:int}/approve", Approve).RequireAuthorization(Policies.Member)
            .WithName("ApprovePlan").WithSummary("Submitted → approved, with an optional comment. Administrators and performance officers.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:int}/publish", Publish).RequireAuthorization(Policies.Member)
            .WithName("PublishPlan").WithSummary("Approved → published, with an optional comment. Administrators and performance officers.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:int}/return", ReturnToDraft).RequireAuthorization(Policies.Member)
            .WithName("ReturnPlanToDraft").WithSummary("Back to draft, with the reason (required). Administrators and performance officers; those who may change the plan, to withdraw it while it is submitted.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:int}/roll-forward", RollForward).RequireAuthorization(Policies.Member)
            .WithName("RollPlanForward").WithSummary("Creates next year's draft from the plan (201 with the new plan): years a year on, sections, objectives with measures, open actions with their history, recommendations.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    // ---------------------------------------------------------------- Plans

    private static async Task<Results<Ok<List<PlanSummaryDto>>, ValidationProblem>> ListPlans(
        string? type, int? unit, string? state, string? year, [AsParameters] PlanApiServices s)
    {
        var errors = new Dictionary<string, string[]>();
        var stateFilter = PlanWords.StateFromKey(state);
        if (!string.IsNullOrWhiteSpace(state) && stateFilter is null)
        {
            errors["state"] = ["Give the state as draft, submitted, approved or published"];
        }

        var yearFilter = string.IsNullOrWhiteSpace(year) ? null : IndicatorEndpoints.ReadPeriod(year, s.YearStart);
        if (!string.IsNullOrWhiteSpace(year) && yearFilter is not { Kind: PeriodKind.Year })
        {
            errors["year"] = ["Give the year as written (2011/12) or as a code (Y2011-04)"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems");
        }

        var list = await s.Queries.ListAsync(await s.ActorAsync(), new PlanFilter(string.IsNullOrWhiteSpace(type) ? null : type.Trim(), unit, yearFilter, stateFilter), s.Ct);
        return TypedResults.Ok(list.Select(p => new PlanSummaryDto(
            p.Id, p.Title, new PlanTypeDto(p.TypeKey, p.TypeName), p.UnitId is { } u ? new UnitRefDto(u, p.UnitName!) : null,
            s.Label(p.StartYear), s.Label(p.EndYear), PlanWords.Key(p.State), PlanWords.Text(p.State))).ToList());
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetPlan(int id, [AsParameters] PlanApiServices s)
    {
        var detail = await s.Queries.DetailAsync(id, s.Ct);
        if (detail is null)
        {
            return PlanNotFound(id);
        }

        return Permissions.CanReadPlan(await s.ActorAsync(), s.Scope.Organisation!.Id, detail.Plan.State)
            ? TypedResults.Ok(s.ToDto(detail))
            : TypedResults.Problem(detail: PlanQueries.NotYetReadable, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
    }

    private static async Task<Results<Created<PlanDto>, ValidationProblem, ProblemHttpResult>> CreatePlan(PlanWriteDto body, [AsParameters] PlanApiServices s)
    {
        var result = await s.Editor.CreateAsync(await s.ActorAsync(), Input(body), s.Ct);
        return await ApiResults.AnswerAsync(result, async plan => TypedResults.Created(s.PlanPath(plan.Id), (await s.PlanAsync(plan.Id))!),
            async plan => (object)(await s.PlanAsync(plan.Id))!, "There is no such plan in this organisation.");
    }

    private static async Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult>> UpdatePlan(int id, PlanWriteDto body, [AsParameters] PlanApiServices s) =>
        await PlanOutcomeAsync(await s.Editor.UpdateAsync(await s.ActorAsync(), id, body.Version, Input(body), s.Ct), id, s);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeletePlan(int id, Guid? version, [AsParameters] PlanApiServices s)
    {
        var result = await s.Editor.DeleteAsync(await s.ActorAsync(), id, version, s.Ct);
        return await DeletedAsync(result, null, _ => s.PlanAsync(id), PlanNotFoundText(id));
    }

    private static PlanInput Input(PlanWriteDto b) => new()
    {
        Type = b.Type, Title = b.Title, UnitId = b.UnitId, StartYear = b.StartYear, EndYear = b.EndYear,
        HeadOfServicePostId = b.HeadOfServicePostId, HeadOfServicePersonId = b.HeadOfServicePersonId, Source = b.Source,
        Progress = b.Progress,
    };

    // ---------------------------------------------------------------- Sections

    private static async Task<Results<Created<PlanSectionDto>, ValidationProblem, ProblemHttpResult>> AddSection(
        int id, PlanSectionWriteDto body, [AsParameters] PlanApiServices s) =>
        await PartOutcomeAsync(await s.Sections.AddSectionAsync(await s.ActorAsync(), id, new SectionInput(body.Heading, body.Body), s.Ct),
            r => Task.FromResult<PlanSectionDto?>(ToDto(r)), d => TypedResults.Created(s.PlanPath(id), d), PlanNotFoundText(id));

    private static async Task<Results<Ok<PlanSectionDto>, ValidationProblem, ProblemHttpResult>> UpdateSection(
        int id, int sectionId, PlanSectionWriteDto body, [AsParameters] PlanApiServices s) =>
        await PartOutcomeAsync(await s.Sections.UpdateSectionAsync(await s.ActorAsync(), id, sectionId, body.Version, new SectionInput(body.Heading, body.Body), s.Ct),
            r => Task.FromResult<PlanSectionDto?>(ToDto(r)), TypedResults.Ok, $"Plan {id} has no section {sectionId} in this organisation.");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteSection(int id, int sectionId, [AsParameters] PlanApiServices s) =>
        await DeletedAsync(await s.Sections.DeleteSectionAsync(await s.ActorAsync(), id, sectionId, s.Ct), null, r => Task.FromResult<PlanSectionDto?>(ToDto(r)), $"Plan {id} has no section {sectionId} in this organisation.");

    // ---------------------------------------------------------------- Objectives and measures

    private static async Task<Results<Created<PlanObjectiveDto>, ValidationProblem, ProblemHttpResult>> AddObjective(
        int id, PlanObjectiveWriteDto body, [AsParameters] PlanApiServices s) =>
        await PartOutcomeAsync(await s.Objectives.AddObjectiveAsync(await s.ActorAsync(), id, Input(body), s.Ct),
            r => s.ObjectiveAsync(id, r.Id), d => TypedResults.Created(s.PlanPath(id), d), PlanNotFoundText(id));

    private static async Task<Results<Ok<PlanObjectiveDto>, ValidationProblem, ProblemHttpResult>> UpdateObjective(
        int id, int planObjectiveId, PlanObjectiveWriteDto body, [AsParameters] PlanApiServices s) =>
        await PartOutcomeAsync(await s.Objectives.UpdateObjectiveAsync(await s.ActorAsync(), id, planObjectiveId, body.Version, Input(body), s.Ct),
            r => s.ObjectiveAsync(id, r.Id), TypedResults.Ok, $"Plan {id} has no objective {planObjectiveId} in this organisation.");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveObjective(int id, int planObjectiveId, [AsParameters] PlanApiServices s) =>
        await DeletedAsync(await s.Objectives.RemoveObjectiveAsync(await s.ActorAsync(), id, planObjectiveId, s.Ct), PlanFields.PlanObjectiveId, r => s.ObjectiveAsync(id, r.Id), $"Plan {id} has no objective {planObjectiveId} in this organisation.");

    private static PlanObjectiveInput Input(PlanObjectiveWriteDto b) => new(b.ObjectiveId, b.Role, b.Lead, b.Resources);

    private static async Task<Results<Created<PlanMeasureDto>, ValidationProblem, ProblemHttpResult>> AddMeasure(
        int id, PlanMeasureWriteDto body, [AsParameters] PlanApiServices s)
    {
        var input = new PlanMeasureInput(body.PlanObjectiveId, body.IndicatorId, body.MilestoneId, body.Lead, body.Resources)
        {
            MilestoneTitle = body.MilestoneTitle, MilestoneTargets = body.MilestoneTargets,
        };
        return await PartOutcomeAsync(await s.Objectives.AddMeasureAsync(await s.ActorAsync(), id, input, s.Ct),
            r => s.MeasureAsync(id, r.Id), d => TypedResults.Created(s.PlanPath(id), d), PlanNotFoundText(id));
    }

    private static async Task<Results<Ok<PlanMeasureDto>, ValidationProblem, ProblemHttpResult>> UpdateMeasure(
        int id, int measureId, PlanMeasureChangeDto body, [AsParameters] PlanApiServices s) =>
        await PartOutcomeAsync(await s.Objectives.UpdateMeasureAsync(await s.ActorAsync(), id, measureId, body.Version,
                new PlanMeasureChange(body.Lead, body.Resources, body.MilestoneTitle, body.MilestoneTargets), s.Ct),
            r => s.MeasureAsync(id, r.Id), TypedResults.Ok, $"Plan {id} has no measure {measureId} in this organisation.");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMeasure(int id, int measureId, [AsParameters] PlanApiServices s) =>
        await DeletedAsync(await s.Objectives.RemoveMeasureAsync(await s.ActorAsync(), id, measureId, s.Ct), PlanFields.MeasureId, r => s.MeasureAsync(id, r.Id), $"Plan {id} has no measure {measureId} in this organisation.");

    // ---------------------------------------------------------------- Recommendations

    private static async Task<Results<Created<PlanRecommendationDto>, ValidationProblem, ProblemHttpResult>> AddRecommendation(
        int id, RecommendationWriteDto body, [AsParameters] PlanApiServices s) =>
        await PartOutcomeAsync(await s.Recommendations.AddRecommendationAsync(await s.ActorAsync(), id, new RecommendationInput(body.Number, body.Text), s.Ct),
            r => s.RecommendationAsync(id, r.Id), d => TypedResults.Created(s.PlanPath(id), d), PlanNotFoundText(id));

    private static async Task<Results<Ok<PlanRecommendationDto>, ValidationProblem, ProblemHttpResult>> UpdateRecommendation(
        int id, int recommendationId, RecommendationWriteDto body, [AsParameters] PlanApiServices s) =>
        await PartOutcomeAsync(await s.Recommendations.UpdateRecommendationAsync(await s.ActorAsync(), id, recommendationId, body.Version,
                new RecommendationInput(body.Number, body.Text), s.Ct),
            r => s.RecommendationAsync(id, r.Id), TypedResults.Ok, $"Plan {id} has no recommendation {recommendationId} in this organisation.");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteRecommendation(
        int id, int recommendationId, [AsParameters] PlanApiServices s) =>
        await DeletedAsync(await s.Recommendations.DeleteRecommendationAsync(await s.ActorAsync(), id, recommendationId, s.Ct), null, r => s.RecommendationAsync(id, r.Id), $"Plan {id} has no recommendation {recommendationId} in this organisation.");

    // ---------------------------------------------------------------- Workflow

    private static Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult>> Submit(
        int id, PlanStepWriteDto? body, PlanWorkflow workflow, [AsParameters] PlanApiServices s) => StepAsync(id, body, workflow.SubmitAsync, s);

    private static Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult>> Approve(
        int id, PlanStepWriteDto? body, PlanWorkflow workflow, [AsParameters] PlanApiServices s) => StepAsync(id, body, workflow.ApproveAsync, s);

    private static Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult>> Publish(
        int id, PlanStepWriteDto? body, PlanWorkflow workflow, [AsParameters] PlanApiServices s) => StepAsync(id, body, workflow.PublishAsync, s);

    private static Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult>> ReturnToDraft(
        int id, PlanStepWriteDto? body, PlanWorkflow workflow, [AsParameters] PlanApiServices s) => StepAsync(id, body, workflow.ReturnToDraftAsync, s);

    private static async Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult>> StepAsync(
        int id, PlanStepWriteDto? body, Func<Actor?, int, Guid?, string?, CancellationToken, Task<EditResult<Plan>>> move, PlanApiServices s)
    {
        var result = await move(await s.ActorAsync(), id, body?.Version, body?.Comment ?? body?.Reason, s.Ct);
        if (body is { Comment: null, Reason: not null } && result.Errors.ContainsKey(PlanWorkflow.CommentField))
        {
            // The reason was sent as "reason": its message goes under the name the client used.
            result = EditResult<Plan>.Invalid(result.Errors.ToDictionary(e => e.Key == PlanWorkflow.CommentField ? "reason" : e.Key, e => e.Value));
        }

        return await PlanOutcomeAsync(result, id, s);
    }

    private static async Task<Results<Created<PlanDto>, ValidationProblem, ProblemHttpResult>> RollForward(
        int id, PlanRollForward rollForward, [AsParameters] PlanApiServices s)
    {
        var result = await rollForward.RollForwardAsync(await s.ActorAsync(), id, s.Ct);
        return await ApiResults.AnswerAsync(result, async plan => TypedResults.Created(s.PlanPath(plan.Id), (await s.PlanAsync(plan.Id))!),
            async plan => (object)(await s.PlanAsync(plan.Id))!, PlanNotFoundText(id));
    }

    // ---------------------------------------------------------------- Outcomes

    private static Task<Results<Ok<PlanDto>, ValidationProblem, ProblemHttpResult>> PlanOutcomeAsync(EditResult<Plan> result, int id, PlanApiServices s) =>
        PartOutcomeAsync(result, _ => s.PlanAsync(id), TypedResults.Ok, PlanNotFoundText(id));

    /// <summary>
    /// Saved: <paramref name="done"/> with the record read back (as the plan now shows it); changed by someone else: 409
    /// with it as it now is in "current"; otherwise the editor's refusal as a problem.
    /// </summary>
    private static Task<Results<TDone, ValidationProblem, ProblemHttpResult>> PartOutcomeAsync<T, TDto, TDone>(
        EditResult<T> result, Func<T, Task<TDto?>> read, Func<TDto, TDone> done, string notFound)
        where T : class
        where TDto : class
        where TDone : IResult =>
        ApiResults.AnswerAsync(result, async record => done((await read(record))!), async record => (object)(await read(record))!, notFound);

    /// <summary>
    /// A delete's answer. The editors report a missing part of the plan against the field that names it
    /// (<paramref name="idField"/>): here it is the URL's, so "not found".
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeletedAsync<T, TDto>(
        EditResult<T> result, string? idField, Func<T, Task<TDto?>> current, string notFound)
        where T : class
        where TDto : class =>
        idField is not null && result.Errors.ContainsKey(idField)
            ? ApiResults.NotFound(notFound)
            : await ApiResults.AnswerAsync(result, _ => Task.FromResult(TypedResults.NoContent()), async record => (object)(await current(record))!, notFound);

    private static string PlanNotFoundText(int id) => $"There is no plan {id} in this organisation.";

    private static ProblemHttpResult PlanNotFound(int id) => ApiResults.NotFound(PlanNotFoundText(id));

    internal static PlanSectionDto ToDto(PlanSection s) => new(s.Id, s.Key, s.Heading, s.Body, s.SortOrder, s.IsCarried, s.Version);
}

/// <summary>What every plan endpoint uses: the editors, the queries, who is asking and the organisation; and the plan read back as the API shows it.</summary>
internal readonly record struct PlanApiServices(
    PlanEditor Editor, PlanSectionEditor Sections, PlanObjectiveEditor Objectives, RecommendationEditor Recommendations,
    PlanQueries Queries, CurrentUser Current, OrganisationScope Scope, CancellationToken Ct)
{
    public int YearStart => Scope.Organisation!.YearStartMonth;

    public string PlansPath => $"{ApiRoutes.Prefix}/organisations/{Scope.Organisation!.Slug}/plans";

    public string PlanPath(int id) => $"{PlansPath}/{id}";

    public Task<Actor?> ActorAsync() => Current.ActorAsync(Ct);

    public PeriodLabelDto Label(Period period) => new(period.Code, period.Format(YearStart));

    public async Task<PlanDto?> PlanAsync(int id) => await Queries.DetailAsync(id, Ct) is { } detail ? ToDto(detail) : null;

    public async Task<PlanObjectiveDto?> ObjectiveAsync(int planId, int planObjectiveId) =>
        (await PlanAsync(planId))?.Objectives.SingleOrDefault(o => o.Id == planObjectiveId);

    public async Task<PlanMeasureDto?> MeasureAsync(int planId, int measureId) =>
        (await PlanAsync(planId))?.Objectives.SelectMany(o => o.Measures).SingleOrDefault(m => m.Id == measureId);

    public async Task<PlanRecommendationDto?> RecommendationAsync(int planId, int recommendationId) =>
        (await PlanAsync(planId))?.Recommendations.SingleOrDefault(r => r.Id == recommendationId);

    public PlanDto ToDto(PlanDetail d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var p = d.Plan;
        var self = this;
        var children = d.Actions.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        PeriodLabelDto? Month(Period? month) => month is { } m ? self.Label(m) : null;
        PlanActionSummaryDto Action(PlanActionSummary a) => new(
            a.Id, a.Reference, a.Title, ActionTerms.Word(a.Kind), a.Leads, new ActionDateDto(a.StartText, Month(a.StartMonth)),
            new ActionDateDto(a.DueText, Month(a.DueMonth)), Month(a.RevisedDueMonth), ActionTerms.Word(a.State), a.IsOverdue,
            a.LatestRag is { } rag ? ActionTerms.Word(rag) : null, a.InServicePlan, a.InServicePlanId, a.ObjectiveId, a.RecommendationId,
            a.IsCarried, $"{self.PlanPath(p.Id)}/actions/{a.Id}", children[a.Id].Select(Action).ToList());

        // A tree's roots: actions whose parent is not among those listed (so steps show under their action, once).
        List<PlanActionSummaryDto> Roots(IReadOnlyList<PlanActionSummary> actions)
        {
            var listed = actions.Select(a => a.Id).ToHashSet();
            return actions.Where(a => a.ParentId is not { } parent || !listed.Contains(parent)).Select(Action).ToList();
        }

        PlanMeasureDto Measure(PlanMeasureView m) => new(
            m.Id, m.IsIndicator ? "indicator" : "milestone",
            m.IsIndicator ? new IndicatorRefDto(m.IndicatorId!.Value, m.Code, m.Title) : null,
            m.MilestoneId is { } milestoneId ? new MilestoneRefDto(milestoneId, m.Title) : null,
            d.Years.Zip(m.YearTargets, (y, t) => new IndicatorTargetDto(y.Code, self.Label(y).Label, t?.Value, t?.Text)).ToList(),
            m.Lead, m.Resources, m.IsCarried, m.Version);

        return new PlanDto(
            p.Id, p.Title, new PlanTypeDto(p.PlanType?.Key ?? "", d.TypeName), p.Unit is { } u ? new UnitRefDto(u.Id, u.Name) : null,
            Label(p.StartYear), Label(p.EndYear), d.Years.Select(Label).ToList(), PlanWords.Key(p.State), PlanWords.Text(p.State),
            p.HeadOfServicePostId is null && p.HeadOfServicePersonId is null ? null : new IndicatorOwnerDto(p.HeadOfServicePostId, p.HeadOfServicePersonId, d.HeadOfService),
            d.PortfolioHolders.Select(h => new PortfolioHolderDto(h.Portfolio, new PersonRefDto(h.PersonId, h.Name), h.Note)).ToList(),
            p.Source, p.RolledFrom is { } from ? new PlanRefDto(from.Id, from.Title) : null,
            d.Sections.Select(PlanEndpoints.ToDto).ToList(),
            d.Objectives.Select(o => new PlanObjectiveDto(
                o.Id, PlanWords.Key(o.Role), PlanWords.Text(o.Role), new ObjectiveRefDto(o.ObjectiveId, o.Reference, o.Title, o.LevelName),
                o.ContributesTo.Select(c => new ObjectiveRefDto(c.Id, c.Reference, c.Title, c.LevelName)).ToList(),
                o.Lead, o.Resources, o.Measures.Select(Measure).ToList(), o.IsCarried, o.Version)).ToList(),
            d.Recommendations.Select(r => new PlanRecommendationDto(r.Id, r.Number, r.Text, Roots(r.Proposals), r.Version)).ToList(),
            Roots(d.Actions),
            d.Steps.Select(x => new PlanStepDto(PlanWords.Key(x.From), PlanWords.Key(x.To), x.Comment, x.ByName, x.At)).ToList(),
            p.Version)
        {
            Progress = PlanWords.Key(p.Progress),
        };
    }
}
