using System.Net;
using System.Net.Http.Json;
using Waymark.Core.Accounts;
using Waymark.Core.Risks;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// The audit recipes of the risk register API (<see cref="WriteAuditTests"/>): each calls its endpoint once successfully
/// as an administrator's token, on a fresh risk, sending the versions it has just read.
/// </summary>
internal static class RiskApiAuditRecipes
{
    private const string Route = "/api/v1/organisations/{org}";

    public static IReadOnlyDictionary<string, (Func<WriteContext, Task<HttpResponseMessage>> Send, HttpStatusCode Saved)> All { get; } =
        new Dictionary<string, (Func<WriteContext, Task<HttpResponseMessage>>, HttpStatusCode)>(StringComparer.Ordinal)
        {
            [$"POST {Route}/risks/"] = (w => w.Api.PostAsJsonAsync(Url(w, "/risks"), new
            {
                title = "API recipe risk", category = "Service", ownerName = "Recipe owner", inherentLikelihood = 3, inherentImpact = 3,
                currentLikelihood = 2, currentImpact = 2,
            }), HttpStatusCode.Created),
            [$"PUT {Route}/risks/{{id}}"] = (async w =>
            {
                var risk = await RiskAuditRecipes.NewRiskAsync(w);
                return await w.Api.PutAsJsonAsync(Url(w, $"/risks/{risk.Id}"), new
                {
                    title = "API recipe risk (changed)", category = "Service", ownerName = "Recipe owner", inherentLikelihood = 3, inherentImpact = 3,
                    currentLikelihood = 2, currentImpact = 3, response = "tolerate", version = risk.Version,
                });
            }, HttpStatusCode.OK),
            [$"POST {Route}/risks/{{id}}/close"] = (async w =>
            {
                var risk = await RiskAuditRecipes.NewRiskAsync(w);
                return await w.Api.PostAsJsonAsync(Url(w, $"/risks/{risk.Id}/close"), new { reason = "Closed by the API recipe", version = risk.Version });
            }, HttpStatusCode.OK),
            [$"POST {Route}/risks/{{id}}/reopen"] = (async w =>
            {
                var risk = await RiskAuditRecipes.NewRiskAsync(w, closed: true);
                return await w.Api.PostAsJsonAsync(Url(w, $"/risks/{risk.Id}/reopen"), new { version = risk.Version });
            }, HttpStatusCode.OK),
            [$"POST {Route}/risks/{{id}}/reviews"] = (async w =>
            {
                var risk = await RiskAuditRecipes.NewRiskAsync(w);
                return await w.Api.PostAsJsonAsync(Url(w, $"/risks/{risk.Id}/reviews"), new { likelihood = 2, impact = 3, commentary = "Reviewed by the API recipe", version = risk.Version });
            }, HttpStatusCode.OK),
            [$"POST {Route}/risks/{{id}}/controls"] = (async w =>
                await w.Api.PostAsJsonAsync(Url(w, $"/risks/{(await RiskAuditRecipes.NewRiskAsync(w)).Id}/controls"), new { description = "API recipe control", effectiveness = "adequate" }),
                HttpStatusCode.Created),
            [$"PUT {Route}/risks/{{id}}/controls/{{controlId}}"] = (async w =>
            {
                var risk = await RiskAuditRecipes.NewRiskAsync(w);
                return await w.Api.PutAsJsonAsync(Url(w, $"/risks/{risk.Id}/controls/{risk.ControlId}"),
                    new { description = "API recipe control (changed)", effectiveness = "limited", version = risk.ControlVersion });
            }, HttpStatusCode.OK),
            [$"DELETE {Route}/risks/{{id}}/controls/{{controlId}}"] = (async w =>
            {
                var risk = await RiskAuditRecipes.NewRiskAsync(w);
                return await w.Api.DeleteAsync(Url(w, $"/risks/{risk.Id}/controls/{risk.ControlId}"));
            }, HttpStatusCode.NoContent),
            [$"POST {Route}/risks/{{id}}/actions"] = (async w =>
                await w.Api.PostAsJsonAsync(Url(w, $"/risks/{(await RiskAuditRecipes.NewRiskAsync(w)).Id}/actions"), new { text = "API recipe action", due = "Mar 12", rag = "green" }),
                HttpStatusCode.Created),
            [$"PUT {Route}/risks/{{id}}/actions/{{actionId}}"] = (async w =>
            {
                var risk = await RiskAuditRecipes.NewRiskAsync(w);
                return await w.Api.PutAsJsonAsync(Url(w, $"/risks/{risk.Id}/actions/{risk.ActionId}"),
                    new { text = "API recipe action (changed)", due = "Jun 12", version = risk.ActionVersion });
            }, HttpStatusCode.OK),
            [$"DELETE {Route}/risks/{{id}}/actions/{{actionId}}"] = (async w =>
            {
                var risk = await RiskAuditRecipes.NewRiskAsync(w);
                return await w.Api.DeleteAsync(Url(w, $"/risks/{risk.Id}/actions/{risk.ActionId}"));
            }, HttpStatusCode.NoContent),
            [$"POST {Route}/risks/{{id}}/escalations"] = (async w =>
            {
                var risk = await RiskAuditRecipes.NewRiskAsync(w);
                return await w.Api.PostAsJsonAsync(Url(w, $"/risks/{risk.Id}/escalations"), new { reason = "Proposed by the API recipe", version = risk.Version });
            }, HttpStatusCode.Created),
            [$"POST {Route}/risks/escalations/{{id}}/decision"] = (async w =>
            {
                var (id, version) = await RiskAuditRecipes.NewProposalAsync(w);
                return await w.Api.PostAsJsonAsync(Url(w, $"/risks/escalations/{id}/decision"), new { decision = "decline", reason = "Declined by the API recipe", version });
            }, HttpStatusCode.OK),
            [$"PUT {Route}/risk-matrix"] = (async w =>
            {
                var matrix = await w.Factory.InOrganisationAsync(db => new RiskMatrixQueries(db).MatrixAsync());
                return await w.Api.PutAsJsonAsync(Url(w, "/risk-matrix"), new
                {
                    likelihood = matrix.Levels.Where(l => l.Scale == RiskScale.Likelihood).OrderBy(l => l.Level).Select(l => new { l.Level, l.Name, l.Descriptor }),
                    impact = matrix.Levels.Where(l => l.Scale == RiskScale.Impact).OrderBy(l => l.Level).Select(l => new { l.Level, l.Name, l.Descriptor }),
                    impactTypes = matrix.ImpactTypes.Select(t => new { t.Name, criteria = t.Criteria.OrderBy(c => c.Level).Select(c => c.Text) }),
                    bands = matrix.Bands.Select(b => new { b.Name, colour = b.Colour.ToString().ToLowerInvariant(), b.MinScore, b.MaxScore, b.ReviewIntervalDays }),
                    categories = matrix.Categories.Select(c => new { id = (int?)c.Id, c.Name, c.AppetiteScore }),
                    escalationScore = matrix.EscalationScore == 12 ? 11 : 12,
                    version = matrix.Version,
                });
            }, HttpStatusCode.OK),
        };

    private static Uri Url(WriteContext w, string rest) => new($"/api/v1/organisations{w.Org}{rest}", UriKind.Relative);
}
