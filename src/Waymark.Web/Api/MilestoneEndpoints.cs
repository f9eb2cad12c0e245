using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>
/// The milestones API: a plan's milestone with its progress, and a quarter's report recorded or replaced. The same
/// services as the pages (<see cref="MilestoneProgressQueries"/>, <see cref="MilestoneProgressEditor"/>), so the
/// permissions, validation, commentary rules and audit are the pages'. A milestone is reached through a plan that
/// measures it, by those who may read the plan.
/// </summary>
internal static class MilestoneEndpoints
{
    public static void MapMilestoneEndpoints(this RouteGroupBuilder org)
    {
        var milestones = org.MapGroup("/plans/{id:int}/milestones").RequireAuthorization(Policies.Member);
        milestones.MapGet("/{milestoneId:int}", GetMilestone)
            .WithName("GetMilestoneProgress").WithSummary("A milestone the plan measures: owner, targets by year, the latest progress report and every report (latest period first). Members who may read the plan.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        milestones.MapPut("/{milestoneId:int}/progress/{period}", SaveReport)
            .WithName("SaveMilestoneProgress").WithSummary("Records (201) or replaces (200; send the report's version) a quarter's progress (period as Q2011-10 or Q3 2011/12): state on-track, at-risk, missed (with revisedMonth) or achieved (with achievedOn), commentary and remedial as the organisation's commentary rules ask. The milestone's owner, service managers for their units' plans, the central team.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<MilestoneProgressDto>, ProblemHttpResult>> GetMilestone(
        int id, int milestoneId, MilestoneProgressQueries queries, CurrentUser current, OrganisationScope scope, CancellationToken ct)
    {
        var history = await queries.HistoryAsync(id, milestoneId, ct);
        if (history is null)
        {
            return ApiResults.NotFound(NotFoundText(id, milestoneId));
        }

        return Permissions.CanReadPlan(await current.ActorAsync(ct), scope.Organisation!.Id, history.Plan.State)
            ? TypedResults.Ok(Dto(history, scope.Organisation))
            : TypedResults.Problem(detail: "You can read only approved and published plans.", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
    }

    private static async Task<Results<Created<MilestoneReportDto>, Ok<MilestoneReportDto>, ValidationProblem, ProblemHttpResult>> SaveReport(
        string org, int id, int milestoneId, string period, MilestoneReportWriteDto body, MilestoneProgressEditor editor, CurrentUser current,
        OrganisationScope scope, CancellationToken ct)
    {
        var organisation = scope.Organisation!;
        var result = await editor.RecordAsync(await current.ActorAsync(ct), id, milestoneId,
            new MilestoneProgressInput(Uri.UnescapeDataString(period), body.State, body.AchievedOn, body.RevisedMonth, body.Commentary, body.Version) { Remedial = body.Remedial }, ct);
        var answer = await ApiResults.AnswerAsync(result, report =>
        {
            var dto = ReportDto(report, organisation);
            // A report made anew answers 201; a replaced one (sent with its version) 200.
            return Task.FromResult(body.Version is null
                ? (Results<Created<MilestoneReportDto>, Ok<MilestoneReportDto>>)TypedResults.Created($"{ApiRoutes.Prefix}/organisations/{org}/plans/{id}/milestones/{milestoneId}", dto)
                : TypedResults.Ok(dto));
        }, report => Task.FromResult<object>(ReportDto(report, organisation)), NotFoundText(id, milestoneId));
        return answer.Result switch
        {
            Results<Created<MilestoneReportDto>, Ok<MilestoneReportDto>> { Result: Created<MilestoneReportDto> created } => created,
            Results<Created<MilestoneReportDto>, Ok<MilestoneReportDto>> { Result: var replaced } => (Ok<MilestoneReportDto>)replaced,
            ValidationProblem invalid => invalid,
            var other => (ProblemHttpResult)other,
        };
    }

    private static MilestoneProgressDto Dto(MilestoneHistory history, Organisation organisation)
    {
        var ysm = organisation.YearStartMonth;
        var m = history.Milestone;
        return new MilestoneProgressDto(
            m.Id, history.Plan.Id, m.Title, Waymark.Core.Indicators.IndicatorQueries.OwnerText(m.OwnerPost, m.OwnerPerson),
            m.Targets.OrderBy(t => t.Year).ToDictionary(t => t.Year.Format(ysm), t => t.Text),
            history.Latest is { } latest ? ReportDto(latest, organisation) : null,
            history.Reports.Select(r => ReportDto(r, organisation)).ToList(), m.Version);
    }

    private static MilestoneReportDto ReportDto(MilestoneProgress r, Organisation organisation)
    {
        var ysm = organisation.YearStartMonth;
        var rag = MilestoneRules.Rag(r.State);
        return new MilestoneReportDto(
            r.Period.Code, r.Period.Format(ysm), MilestoneRules.Code(r.State), MilestoneRules.Text(r.State), ActionRules.Text(rag),
            RagKey.For(organisation).Meaning(rag), r.AchievedOn, r.RevisedMonth?.Code, r.RevisedMonth?.Format(ysm), MilestoneRules.Summary(r, ysm),
            r.Commentary, r.Remedial, r.EnteredByName, r.EnteredAt, r.IsDemonstration, r.Version);
    }

    private static string NotFoundText(int planId, int milestoneId) => $"Plan {planId} does not measure milestone {milestoneId} in this organisation.";
}
