using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// The risk register API: the register's views with their filters, one risk in full, adding, changing, closing and
/// reopening risks, their controls and further actions, reviews, the matrix, and escalation to the strategic register.
/// The same editors and queries as the pages (<see cref="RiskEditor"/>, <see cref="RiskControlEditor"/>,
/// <see cref="RiskActionEditor"/>, <see cref="RiskReviewEditor"/>, <see cref="RiskEscalationEditor"/>,
/// <see cref="RiskMatrixEditor"/>, <see cref="RiskQueries"/>), so permissions, validation and audit are the pages'.
/// </summary>
internal static class RiskEndpoints
{
    public static void MapRiskEndpoints(this RouteGroupBuilder org)
    {
        var risks = org.MapGroup("/risks");
        risks.MapGet("", ListRisks).RequireAuthorization(Policies.Member)
            .WithName("ListRisks").WithSummary("A view of the register, highest current score first, 25 a page (?page=; X-Total-Count and a Link to the next page): ?register=service|strategic, unit, plan, category (name), band (name), owner (post id), overdueReview, aboveAppetite, redForQuarters, includeClosed. Every member.");
        risks.MapGet("/{id:int}", GetRisk).RequireAuthorization(Policies.Member)
            .WithName("GetRisk").WithSummary("One risk: cause, event and consequence, the three scores with their bands, controls, further actions with their R/A/G, links, reviews and escalations. Every member.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        risks.MapPost("", CreateRisk).RequireAuthorization(Policies.EditRisks)
            .WithName("CreateRisk").WithSummary("Adds a risk (201). Administrators and performance officers; service managers to their units' service registers.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        risks.MapPut("/{id:int}", UpdateRisk).RequireAuthorization(Policies.EditRisks)
            .WithName("UpdateRisk").WithSummary("Changes a risk: every field, with the version you read (stale: 409 with the current risk). Only the central team moves a risk between registers.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        risks.MapPost("/{id:int}/close", CloseRisk).RequireAuthorization(Policies.EditRisks)
            .WithName("CloseRisk").WithSummary("Closes a risk ({reason, version}): it leaves the open register and keeps its history.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        risks.MapPost("/{id:int}/reopen", ReopenRisk).RequireAuthorization(Policies.EditRisks)
            .WithName("ReopenRisk").WithSummary("Reopens a closed risk ({version}); it is due for review today.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        risks.MapPost("/{id:int}/reviews", ReviewRisk).RequireAuthorization(Policies.EditRisks)
            .WithName("ReviewRisk").WithSummary("Records a review ({likelihood, impact, whatChanged, commentary, reviewedOn?, version}): the scores become current and the review date follows the band. A review that takes a service risk above the escalation score proposes it for the strategic register. Whoever may change the risk, and its owner.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        risks.MapPost("/{id:int}/controls", AddControl).RequireAuthorization(Policies.EditRisks)
            .WithName("AddRiskControl").WithSummary("Adds an existing control ({description, ownerPostId | ownerPersonId | ownerName, effectiveness}) (201).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        risks.MapPut("/{id:int}/controls/{controlId:int}", UpdateControl).RequireAuthorization(Policies.EditRisks)
            .WithName("UpdateRiskControl").WithSummary("Changes a control, with its version.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        risks.MapDelete("/{id:int}/controls/{controlId:int}", DeleteControl).RequireAuthorization(Policies.EditRisks)
            .WithName("DeleteRiskControl").WithSummary("Removes a control.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        risks.MapPost("/{id:int}/actions", AddAction).RequireAuthorization(Policies.EditRisks)
            .WithName("AddRiskAction").WithSummary("Adds a further action (201): a plan action ({planActionId}) or a new one ({text, lead…, due \"Mar 12\", rag}).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        risks.MapPut("/{id:int}/actions/{actionId:int}", UpdateAction).RequireAuthorization(Policies.EditRisks)
            .WithName("UpdateRiskAction").WithSummary("Changes a further action, with its version.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        risks.MapDelete("/{id:int}/actions/{actionId:int}", DeleteAction).RequireAuthorization(Policies.EditRisks)
            .WithName("DeleteRiskAction").WithSummary("Removes a further action.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        risks.MapRiskEscalationEndpoints();
        org.MapRiskMatrixEndpoints();
    }

    private static async Task<Ok<List<RiskSummaryDto>>> ListRisks(
        HttpContext http, string org, RiskQueries queries, string? register, int? unit, int? plan, string? category, string? band, int? owner,
        bool? overdueReview, bool? aboveAppetite, int? redForQuarters, bool? includeClosed, int? page, CancellationToken ct)
    {
        var matrix = await queries.MatrixAsync(ct);
        var categoryId = category is null ? (int?)null
            : matrix.Categories.FirstOrDefault(c => string.Equals(c.Name, category.Trim(), StringComparison.OrdinalIgnoreCase))?.Id ?? -1;
        var filter = new RiskFilter
        {
            Register = register is null ? null : RiskDtos.Read(register, RiskRegisterLevel.Service), UnitId = unit, PlanId = plan, CategoryId = categoryId,
            Band = band, OwnerPostId = owner, OverdueReview = overdueReview ?? false, AboveAppetite = aboveAppetite ?? false,
            RedForQuarters = redForQuarters, IncludeClosed = includeClosed ?? false,
        };
        var result = await queries.RegisterAsync(filter, page ?? 1, ct);
        var more = result.Page * result.PageSize < result.Total;
        ApiPaging.Describe(http, result.Total, more ? ("page", result.Page + 1, result.PageSize) : null);
        return TypedResults.Ok(result.Rows.Select(r => RiskDtos.ToDto(r, matrix)).ToList());
    }

    private static async Task<Results<Ok<RiskDto>, ProblemHttpResult>> GetRisk(string org, int id, RiskQueries queries, OrganisationScope scope, CancellationToken ct) =>
        await queries.RiskAsync(id, ct) is { } detail ? TypedResults.Ok(RiskDtos.ToDto(detail, scope.Organisation!)) : ApiResults.NotFound(NotFoundText(id));

    private static async Task<Results<Created<RiskDto>, ValidationProblem, ProblemHttpResult>> CreateRisk(
        string org, RiskWriteDto body, RiskEditor editor, RiskQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.CreateAsync(await current.ActorAsync(ct), RiskDtos.Input(body, creating: true), ct);
        return await ApiResults.AnswerAsync(result,
            async risk => TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{scope.Organisation!.Slug}/risks/{risk.Id}", await DtoAsync(queries, scope, risk.Id, ct)),
            async risk => (object)await DtoAsync(queries, scope, risk.Id, ct), NotFoundText(0));
    }

    private static async Task<Results<Ok<RiskDto>, ValidationProblem, ProblemHttpResult>> UpdateRisk(
        string org, int id, RiskWriteDto body, RiskEditor editor, RiskQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct) =>
        await SavedAsync(await editor.UpdateAsync(await current.ActorAsync(ct), id, body.Version, RiskDtos.Input(body, creating: false), ct), queries, scope, id, ct);

    private static async Task<Results<Ok<RiskDto>, ValidationProblem, ProblemHttpResult>> CloseRisk(
        string org, int id, RiskStateWriteDto body, RiskEditor editor, RiskQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct) =>
        await SavedAsync(await Versioned(body.Version, await current.ActorAsync(ct), a => editor.OpenAsync(a, id, ct), a => editor.CloseAsync(a, id, body.Version, body.Reason, ct)),
            queries, scope, id, ct);

    private static async Task<Results<Ok<RiskDto>, ValidationProblem, ProblemHttpResult>> ReopenRisk(
        string org, int id, RiskStateWriteDto body, RiskEditor editor, RiskQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct) =>
        await SavedAsync(await Versioned(body.Version, await current.ActorAsync(ct), a => editor.OpenAsync(a, id, ct), a => editor.ReopenAsync(a, id, body.Version, ct)),
            queries, scope, id, ct);

    private static async Task<Results<Ok<RiskDto>, ValidationProblem, ProblemHttpResult>> ReviewRisk(
        string org, int id, RiskReviewWriteDto body, RiskReviewEditor editor, RiskQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var input = new RiskReviewInput { Likelihood = body.Likelihood, Impact = body.Impact, WhatChanged = body.WhatChanged, Commentary = body.Commentary, ReviewedOn = body.ReviewedOn };
        return await SavedAsync(await Versioned(body.Version, await current.ActorAsync(ct), a => editor.OpenAsync(a, id, ct), a => editor.AddAsync(a, id, body.Version, input, ct)),
            queries, scope, id, ct);
    }

    private static async Task<Results<Created<RiskControlDto>, ValidationProblem, ProblemHttpResult>> AddControl(
        string org, int id, RiskControlWriteDto body, RiskControlEditor editor, RiskQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.AddAsync(await current.ActorAsync(ct), id, RiskDtos.Input(body), ct);
        return await ApiResults.AnswerAsync(result,
            async control => TypedResults.Created($"{RiskPath(scope, id)}/controls/{control.Id}", (await ControlDtoAsync(queries, id, control.Id, ct))!),
            async control => (object)(await ControlDtoAsync(queries, id, control.Id, ct))!, NotFoundText(id));
    }

    private static async Task<Results<Ok<RiskControlDto>, ValidationProblem, ProblemHttpResult>> UpdateControl(
        string org, int id, int controlId, RiskControlWriteDto body, RiskControlEditor editor, RiskQueries queries, CurrentUser current, CancellationToken ct)
    {
        var result = await Versioned(body.Version, await current.ActorAsync(ct), a => editor.OpenAsync(a, id, controlId, ct),
            a => editor.UpdateAsync(a, id, controlId, body.Version, RiskDtos.Input(body), ct));
        return await ApiResults.AnswerAsync(result,
            async control => TypedResults.Ok((await ControlDtoAsync(queries, id, control.Id, ct))!),
            async control => (object?)await ControlDtoAsync(queries, id, control.Id, ct) ?? RiskDtos.ToDto(control), PartNotFoundText(id, "control", controlId));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteControl(
        string org, int id, int controlId, RiskControlEditor editor, CurrentUser current, CancellationToken ct) =>
        await ApiResults.AnswerAsync(await editor.DeleteAsync(await current.ActorAsync(ct), id, controlId, ct), _ => Task.FromResult(TypedResults.NoContent()),
            control => Task.FromResult<object>(RiskDtos.ToDto(control)), PartNotFoundText(id, "control", controlId));

    private static async Task<Results<Created<RiskActionDto>, ValidationProblem, ProblemHttpResult>> AddAction(
        string org, int id, RiskActionWriteDto body, RiskActionEditor editor, RiskQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var result = await editor.AddAsync(await current.ActorAsync(ct), id, RiskDtos.Input(body), ct);
        return await ApiResults.AnswerAsync(result,
            async action => TypedResults.Created($"{RiskPath(scope, id)}/actions/{action.Id}", (await ActionDtoAsync(queries, scope, id, action.Id, ct))!),
            async action => (object)(await ActionDtoAsync(queries, scope, id, action.Id, ct))!, NotFoundText(id));
    }

    private static async Task<Results<Ok<RiskActionDto>, ValidationProblem, ProblemHttpResult>> UpdateAction(
        string org, int id, int actionId, RiskActionWriteDto body, RiskActionEditor editor, RiskQueries queries, CurrentUser current, OrganisationScope scope,
        CancellationToken ct)
    {
        var result = await Versioned(body.Version, await current.ActorAsync(ct), a => editor.OpenAsync(a, id, actionId, ct),
            a => editor.UpdateAsync(a, id, actionId, body.Version, RiskDtos.Input(body), ct));
        return await ApiResults.AnswerAsync(result,
            async action => TypedResults.Ok((await ActionDtoAsync(queries, scope, id, action.Id, ct))!),
            async action => (object?)await ActionDtoAsync(queries, scope, id, action.Id, ct) ?? new { action.Id, action.Version }, PartNotFoundText(id, "further action", actionId));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAction(
        string org, int id, int actionId, RiskActionEditor editor, CurrentUser current, CancellationToken ct) =>
        await ApiResults.AnswerAsync(await editor.DeleteAsync(await current.ActorAsync(ct), id, actionId, ct), _ => Task.FromResult(TypedResults.NoContent()),
            action => Task.FromResult<object>(new { action.Id, action.Version }), PartNotFoundText(id, "further action", actionId));

    /// <summary>
    /// A change of a record that exists needs the version the caller read, as every API write does; without one, the
    /// editor's own check still answers first (not found, not allowed), so that a missing version never tells anything.
    /// </summary>
    internal static async Task<EditResult<T>> Versioned<T>(Guid? version, Core.Accounts.Actor? actor, Func<Core.Accounts.Actor?, Task<EditResult<T>>> open,
        Func<Core.Accounts.Actor?, Task<EditResult<T>>> write)
        where T : class
    {
        if (version is not null)
        {
            return await write(actor);
        }

        var opened = await open(actor);
        return opened.Outcome == EditOutcome.Done ? EditResult<T>.VersionMissing() : opened;
    }

    private static async Task<Results<Ok<RiskDto>, ValidationProblem, ProblemHttpResult>> SavedAsync(
        EditResult<Risk> result, RiskQueries queries, OrganisationScope scope, int id, CancellationToken ct) =>
        await ApiResults.AnswerAsync(result, async risk => TypedResults.Ok(await DtoAsync(queries, scope, risk.Id, ct)),
            async risk => (object)await DtoAsync(queries, scope, risk.Id, ct), NotFoundText(id));

    internal static async Task<RiskDto> DtoAsync(RiskQueries queries, OrganisationScope scope, int riskId, CancellationToken ct) =>
        RiskDtos.ToDto((await queries.RiskAsync(riskId, ct))!, scope.Organisation!);

    private static async Task<RiskControlDto?> ControlDtoAsync(RiskQueries queries, int riskId, int controlId, CancellationToken ct) =>
        (await queries.RiskAsync(riskId, ct))?.Risk.Controls.Where(c => c.Id == controlId).Select(RiskDtos.ToDto).FirstOrDefault();

    private static async Task<RiskActionDto?> ActionDtoAsync(RiskQueries queries, OrganisationScope scope, int riskId, int actionId, CancellationToken ct) =>
        (await queries.RiskAsync(riskId, ct))?.Actions.Where(a => a.Action.Id == actionId).Select(a => RiskDtos.ToDto(a, scope.Organisation!)).FirstOrDefault();

    internal static string RiskPath(OrganisationScope scope, int id) => $"{ApiRoutes.Prefix}/organisations/{scope.Organisation!.Slug}/risks/{id}";

    internal static string NotFoundText(int id) => $"There is no risk {id} in this organisation.";

    private static string PartNotFoundText(int id, string part, int partId) => $"Risk {id} has no {part} {partId} in this organisation.";
}
