using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// Escalation to the strategic register and the risk matrix, beside <see cref="RiskEndpoints"/>: proposals listed, a
/// risk proposed, a proposal accepted or declined (<see cref="RiskEscalationEditor"/>); the matrix read by every member
/// and written by administrators (<see cref="RiskMatrixEditor"/>).
/// </summary>
internal static class RiskEscalationEndpoints
{
    public const int PageSize = 50;

    public static void MapRiskEscalationEndpoints(this RouteGroupBuilder risks)
    {
        risks.MapGet("/escalations", ListEscalations).RequireAuthorization(Policies.Member)
            .WithName("ListRiskEscalations").WithSummary("Proposals for the strategic register, newest first, 50 a page (?state=proposed|accepted|declined, ?page=). Every member.");
        risks.MapGet("/escalations/{id:int}", GetEscalation).RequireAuthorization(Policies.Member)
            .WithName("GetRiskEscalation").WithSummary("One proposal with its decision.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        risks.MapPost("/{id:int}/escalations", Propose).RequireAuthorization(Policies.EditRisks)
            .WithName("ProposeRisk").WithSummary("Proposes an open service risk for the strategic register ({reason, version}; the reason is needed unless its score is above the escalation score) (201). Whoever may change the risk. A risk already waiting, strategic or closed: 409.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        risks.MapPost("/escalations/{id:int}/decision", Decide).RequireAuthorization(Policies.EditRisks)
            .WithName("DecideRiskEscalation").WithSummary("Accepts (the risk joins the strategic register) or declines a proposal ({decision: accept|decline, reason, version}; a decline needs its reason). Administrators and performance officers. Decided already: 409.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static void MapRiskMatrixEndpoints(this RouteGroupBuilder org)
    {
        org.MapGet("/risk-matrix", GetMatrix).RequireAuthorization(Policies.Member)
            .WithName("GetRiskMatrix").WithSummary("The organisation's risk matrix: scales with their levels, impact criteria per type, bands, categories with their appetite, the escalation score, and how many open risks it scores. Every member.");
        org.MapPut("/risk-matrix", SaveMatrix).RequireAuthorization(Policies.ManageRiskMatrix)
            .WithName("SaveRiskMatrix").WithSummary("Changes the matrix (the shape read, with its version). A change of size resizes it to that size's defaults; a change of scoring with open risks needs confirmReassessment (400 on \"confirmReassessment\" says how many). Administrators.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<RiskEscalationDto>>> ListEscalations(HttpContext http, string org, RiskQueries queries, string? state, int? page, CancellationToken ct)
    {
        EscalationState? wanted = state is null ? null : RiskDtos.Read(state, EscalationState.Proposed);
        var at = Math.Max(1, page ?? 1);
        var (rows, total) = await queries.EscalationPageAsync(wanted, at, PageSize, ct);
        ApiPaging.Describe(http, total, at * PageSize < total ? ("page", at + 1, PageSize) : null);
        return TypedResults.Ok(rows.Select(RiskDtos.ToDto).ToList());
    }

    private static async Task<Results<Ok<RiskEscalationDto>, ProblemHttpResult>> GetEscalation(string org, int id, RiskQueries queries, CancellationToken ct) =>
        await queries.EscalationAsync(id, ct) is { } row ? TypedResults.Ok(RiskDtos.ToDto(row)) : ApiResults.NotFound(NotFoundText(id));

    private static async Task<Results<Created<RiskEscalationDto>, ValidationProblem, ProblemHttpResult>> Propose(
        string org, int id, RiskProposalWriteDto body, RiskEscalationEditor editor, RiskQueries queries, CurrentUser current, OrganisationScope scope,
        CancellationToken ct)
    {
        var opened = await editor.OpenProposalAsync(await current.ActorAsync(ct), id, ct);
        var result = opened.Outcome != EditOutcome.Done ? Rewrap(opened)
            : body.Version is null ? EditResult<RiskEscalation>.VersionMissing()
            : await editor.ProposeAsync(await current.ActorAsync(ct), id, body.Version, body.Reason, ct);
        return await ApiResults.AnswerAsync(result,
            async e => TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{scope.Organisation!.Slug}/risks/escalations/{e.Id}", RiskDtos.ToDto((await queries.EscalationAsync(e.Id, ct))!)),
            async e => (object)await RiskEndpoints.DtoAsync(queries, scope, id, ct), RiskEndpoints.NotFoundText(id));
    }

    private static async Task<Results<Ok<RiskEscalationDto>, ValidationProblem, ProblemHttpResult>> Decide(
        string org, int id, RiskDecisionWriteDto body, RiskEscalationEditor editor, RiskQueries queries, CurrentUser current, CancellationToken ct)
    {
        var actor = await current.ActorAsync(ct);
        var accept = body.Decision?.Trim().ToLowerInvariant() switch { "accept" or "accepted" => true, "decline" or "declined" => false, _ => (bool?)null };
        var result = accept is { } yes && body.Version is not null
            ? await editor.DecideAsync(actor, id, body.Version, yes, body.Reason, ct)
            : await editor.OpenDecisionAsync(actor, id, ct) is { Outcome: not EditOutcome.Done } stopped ? stopped
            : accept is null ? EditResult<RiskEscalation>.Invalid("decision", "Select whether to accept or decline the proposal: accept or decline")
            : EditResult<RiskEscalation>.VersionMissing();
        return await ApiResults.AnswerAsync(result,
            async e => TypedResults.Ok(RiskDtos.ToDto((await queries.EscalationAsync(e.Id, ct))!)),
            async e => (object)RiskDtos.ToDto((await queries.EscalationAsync(e.Id, ct))!), NotFoundText(id));
    }

    private static async Task<Ok<RiskMatrixDto>> GetMatrix(string org, RiskMatrixQueries queries, CancellationToken ct) =>
        TypedResults.Ok(RiskDtos.ToDto(await queries.MatrixAsync(ct), await queries.OpenRiskCountAsync(ct)));

    private static async Task<Results<Ok<RiskMatrixDto>, ValidationProblem, ProblemHttpResult>> SaveMatrix(
        string org, RiskMatrixWriteDto body, RiskMatrixEditor editor, RiskMatrixQueries queries, CurrentUser current, CancellationToken ct)
    {
        var actor = await current.ActorAsync(ct);
        var now = await queries.MatrixAsync(ct);
        EditResult<RiskMatrix> result;
        if (body.Version is null)
        {
            var opened = await editor.OpenAsync(actor, ct);
            result = opened.Outcome == EditOutcome.Done ? EditResult<RiskMatrix>.VersionMissing() : opened;
        }
        else if ((body.LikelihoodLevels is { } l && l != now.LikelihoodLevels) || (body.ImpactLevels is { } i && i != now.ImpactLevels))
        {
            static string? Text(int? n) => n?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result = await editor.ResizeAsync(actor, body.Version, Text(body.LikelihoodLevels ?? now.LikelihoodLevels), Text(body.ImpactLevels ?? now.ImpactLevels),
                body.ConfirmReassessment, ct);
        }
        else
        {
            var input = RiskDtos.Input(body);
            result = input.Bands.Any(b => !Enum.IsDefined(b.Colour))
                ? EditResult<RiskMatrix>.Invalid(RiskFields.Bands, "Select each band's colour: green, yellow, orange, red, purple, blue or grey")
                : await editor.SaveAsync(actor, body.Version, input, ct);
        }

        return await ApiResults.AnswerAsync(result,
            async _ => TypedResults.Ok(RiskDtos.ToDto(await queries.MatrixAsync(ct), await queries.OpenRiskCountAsync(ct))),
            async _ => (object)RiskDtos.ToDto(await queries.MatrixAsync(ct), await queries.OpenRiskCountAsync(ct)), "This organisation has no risk matrix.");
    }

    private static EditResult<RiskEscalation> Rewrap(EditResult<Risk> opened) => opened.Outcome switch
    {
        EditOutcome.NotFound => EditResult<RiskEscalation>.NotFound(),
        EditOutcome.Forbidden => EditResult<RiskEscalation>.Forbidden(opened.Reason!),
        _ => EditResult<RiskEscalation>.Refused(opened.Reason!),
    };

    private static string NotFoundText(int id) => $"There is no proposal {id} for the strategic register in this organisation.";
}
