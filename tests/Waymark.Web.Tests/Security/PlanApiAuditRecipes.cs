using System.Net;
using System.Net.Http.Json;
using Waymark.Core.Plans;
using Waymark.Web.Api;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// The audit recipes of the plans API (<see cref="WriteAuditTests"/>): each calls its endpoint once successfully, as an
/// administrator's token, on fresh records, sending the versions it has just read, and names the status that means saved.
/// </summary>
internal static class PlanApiAuditRecipes
{
    private const string Route = "/api/v1/organisations/{org}/plans";

    public static IReadOnlyDictionary<string, (Func<WriteContext, Task<HttpResponseMessage>> Send, HttpStatusCode Saved)> All { get; } =
        new Dictionary<string, (Func<WriteContext, Task<HttpResponseMessage>>, HttpStatusCode)>(StringComparer.Ordinal)
        {
            [$"POST {Route}/"] = (w => w.Api.PostAsJsonAsync(Url(w, ""), new { type = PlanDefaults.ServicePlan, title = "API recipe plan", startYear = "2012/13" }), HttpStatusCode.Created),
            [$"PUT {Route}/{{id}}"] = (async w =>
            {
                var plan = await DraftAsync(w);
                return await w.Api.PutAsJsonAsync(Url(w, $"/{plan.Id}"), new { type = plan.Type.Key, title = "API recipe change", startYear = plan.StartYear.Period, version = plan.Version });
            }, HttpStatusCode.OK),
            [$"DELETE {Route}/{{id}}"] = (async w => await w.Api.DeleteAsync(Url(w, $"/{(await w.NewPlanAsync()).Id}")), HttpStatusCode.NoContent),

            [$"POST {Route}/{{id}}/sections"] = (async w =>
                await w.Api.PostAsJsonAsync(Url(w, $"/{(await w.NewPlanAsync()).Id}/sections"), new { heading = "Added by the API recipe" }), HttpStatusCode.Created),
            [$"PUT {Route}/{{id}}/sections/{{sectionId}}"] = (async w =>
            {
                var plan = await DraftAsync(w);
                var section = plan.Sections[0];
                return await w.Api.PutAsJsonAsync(Url(w, $"/{plan.Id}/sections/{section.Id}"), new { heading = section.Heading, body = "Written by the API recipe.", version = section.Version });
            }, HttpStatusCode.OK),
            [$"DELETE {Route}/{{id}}/sections/{{sectionId}}"] = (async w =>
            {
                var plan = await w.NewPlanAsync();
                return await w.Api.DeleteAsync(Url(w, $"/{plan.Id}/sections/{plan.SectionId}"));
            }, HttpStatusCode.NoContent),

            [$"POST {Route}/{{id}}/objectives"] = (async w =>
            {
                var objective = await w.NewObjectiveAsync();
                return await w.Api.PostAsJsonAsync(Url(w, $"/{(await w.NewPlanAsync()).Id}/objectives"), new { objectiveId = objective, role = "supporting-objective" });
            }, HttpStatusCode.Created),
            [$"PUT {Route}/{{id}}/objectives/{{planObjectiveId}}"] = (async w =>
            {
                var plan = await DraftAsync(w);
                var objective = plan.Objectives[0];
                return await w.Api.PutAsJsonAsync(Url(w, $"/{plan.Id}/objectives/{objective.Id}"),
                    new { objectiveId = objective.Objective.Id, role = "service-objective", lead = "API recipe lead", version = objective.Version });
            }, HttpStatusCode.OK),
            [$"DELETE {Route}/{{id}}/objectives/{{planObjectiveId}}"] = (async w =>
            {
                var plan = await w.NewPlanAsync();
                return await w.Api.DeleteAsync(Url(w, $"/{plan.Id}/objectives/{plan.PlanObjectiveId}"));
            }, HttpStatusCode.NoContent),

            [$"POST {Route}/{{id}}/measures"] = (async w =>
            {
                var plan = await w.NewPlanAsync();
                return await w.Api.PostAsJsonAsync(Url(w, $"/{plan.Id}/measures"), new { planObjectiveId = plan.PlanObjectiveId, milestoneTitle = "A milestone of the API recipe" });
            }, HttpStatusCode.Created),
            [$"PUT {Route}/{{id}}/measures/{{measureId}}"] = (async w =>
            {
                var plan = await DraftAsync(w);
                var measure = plan.Objectives[0].Measures[0];
                return await w.Api.PutAsJsonAsync(Url(w, $"/{plan.Id}/measures/{measure.Id}"), new { milestoneTitle = "Renamed by the API recipe", version = measure.Version });
            }, HttpStatusCode.OK),
            [$"DELETE {Route}/{{id}}/measures/{{measureId}}"] = (async w =>
            {
                var plan = await w.NewPlanAsync();
                return await w.Api.DeleteAsync(Url(w, $"/{plan.Id}/measures/{plan.MeasureId}"));
            }, HttpStatusCode.NoContent),

            [$"POST {Route}/{{id}}/recommendations"] = (async w =>
                await w.Api.PostAsJsonAsync(Url(w, $"/{(await w.NewPlanAsync()).Id}/recommendations"), new { number = "R9", text = "Added by the API recipe" }), HttpStatusCode.Created),
            [$"PUT {Route}/{{id}}/recommendations/{{recommendationId}}"] = (async w =>
            {
                var plan = await DraftAsync(w);
                var recommendation = plan.Recommendations[0];
                return await w.Api.PutAsJsonAsync(Url(w, $"/{plan.Id}/recommendations/{recommendation.Id}"),
                    new { number = recommendation.Number, text = "Changed by the API recipe", version = recommendation.Version });
            }, HttpStatusCode.OK),
            [$"DELETE {Route}/{{id}}/recommendations/{{recommendationId}}"] = (async w =>
            {
                var plan = await w.NewPlanAsync();
                return await w.Api.DeleteAsync(Url(w, $"/{plan.Id}/recommendations/{plan.RecommendationId}"));
            }, HttpStatusCode.NoContent),

            [$"POST {Route}/{{id}}/submit"] = (w => StepAsync(w, PlanState.Draft, "submit"), HttpStatusCode.OK),
            [$"POST {Route}/{{id}}/approve"] = (w => StepAsync(w, PlanState.Submitted, "approve"), HttpStatusCode.OK),
            [$"POST {Route}/{{id}}/publish"] = (w => StepAsync(w, PlanState.Approved, "publish"), HttpStatusCode.OK),
            [$"POST {Route}/{{id}}/return"] = (w => StepAsync(w, PlanState.Published, "return"), HttpStatusCode.OK),
            [$"POST {Route}/{{id}}/roll-forward"] = (async w =>
                await w.Api.PostAsync(Url(w, $"/{await w.NewPlanAsync(PlanState.Published)}/roll-forward"), null), HttpStatusCode.Created),
        };

    private static Uri Url(WriteContext w, string rest) => new($"/api/v1/organisations{w.Org}/plans{rest}", UriKind.Relative);

    /// <summary>A fresh draft plan (a section, a recommendation, an objective with a milestone), as the API reads it.</summary>
    private static async Task<PlanDto> DraftAsync(WriteContext w) =>
        (await w.Api.GetFromJsonAsync<PlanDto>(Url(w, $"/{(await w.NewPlanAsync()).Id}"), ApiJson.Options))!;

    /// <summary>A fresh plan in <paramref name="from"/>, moved on by the step with its version (and a reason, which returning needs).</summary>
    private static async Task<HttpResponseMessage> StepAsync(WriteContext w, PlanState from, string step)
    {
        var id = await w.NewPlanAsync(from);
        var plan = (await w.Api.GetFromJsonAsync<PlanDto>(Url(w, $"/{id}"), ApiJson.Options))!;
        return await w.Api.PostAsJsonAsync(Url(w, $"/{id}/{step}"), new { version = plan.Version, comment = "Moved by the API recipe" });
    }
}
