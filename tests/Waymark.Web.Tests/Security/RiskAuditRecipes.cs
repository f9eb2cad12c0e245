using System.Net;
using Waymark.Core.Accounts;
using Waymark.Core.Risks;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>The audit recipes of the risk register's pages and the risk matrix (<see cref="WriteAuditTests"/>): each posts the form as the page shows it.</summary>
internal static class RiskAuditRecipes
{
    public static readonly HttpStatusCode[] Saved = [HttpStatusCode.Redirect];

    public static Dictionary<string, Func<WriteContext, Task<HttpResponseMessage>>> All { get; } = new(StringComparer.Ordinal)
    {
        ["POST /{org}/risks/new"] = w => WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/new", change: f =>
        {
            f["Form.Title"] = "Recipe risk " + Guid.NewGuid().ToString("N")[..6];
            f["Form.Category"] = "Strategic";
            f["Form.RegisterLevel"] = "Strategic";
            f["Form.OwnerName"] = "Recipe owner";
            f["Form.InherentLikelihood"] = "3";
            f["Form.InherentImpact"] = "3";
            f["Form.CurrentLikelihood"] = "2";
            f["Form.CurrentImpact"] = "3";
        }),
        ["POST /{org}/risks/{id}/edit"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{(await NewAsync(w)).Id}/edit", change: f => f["Form.Title"] += " (changed)"),
        ["POST /{org}/risks/{id}/close"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{(await NewAsync(w)).Id}/close", change: f => f["Reason"] = "Closed by the audit recipe"),
        ["POST /{org}/risks/{id}/close?handler=Reopen"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{(await NewAsync(w, closed: true)).Id}/close", "handler=reopen"),
        ["POST /{org}/risks/{id}/controls/new"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{(await NewAsync(w)).Id}/controls/new", change: f =>
            {
                f["Form.Description"] = "Recipe control";
                f["Form.Effectiveness"] = "Adequate";
            }),
        ["POST /{org}/risks/{id}/controls/{controlId}"] = async w =>
        {
            var made = await NewAsync(w);
            return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{made.Id}/controls/{made.ControlId}", change: f => f["Form.Description"] += " (changed)");
        },
        ["POST /{org}/risks/{id}/controls/{controlId}?handler=Delete"] = async w =>
        {
            var made = await NewAsync(w);
            return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{made.Id}/controls/{made.ControlId}", "handler=delete");
        },
        ["POST /{org}/risks/{id}/actions/new"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{(await NewAsync(w)).Id}/actions/new", change: f =>
            {
                f["Form.Text"] = "Recipe further action";
                f["Form.LeadName"] = "Recipe lead";
                f["Form.Due"] = "Mar 12";
            }),
        ["POST /{org}/risks/{id}/actions/{actionId}"] = async w =>
        {
            var made = await NewAsync(w);
            return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{made.Id}/actions/{made.ActionId}", change: f => f["Form.Text"] += " (changed)");
        },
        ["POST /{org}/risks/{id}/actions/{actionId}?handler=Delete"] = async w =>
        {
            var made = await NewAsync(w);
            return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{made.Id}/actions/{made.ActionId}", "handler=delete");
        },
        ["POST /{org}/risks/{id}/review"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{(await NewAsync(w)).Id}/review", change: f => f["Commentary"] = "Reviewed by the audit recipe"),
        ["POST /{org}/risks/{id}/escalate"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/{(await NewAsync(w)).Id}/escalate", change: f => f["Reason"] = "Proposed by the audit recipe"),
        ["POST /{org}/risks/escalations/{id}"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/risks/escalations/{(await NewProposalAsync(w)).Id}", change: f => f["Decision"] = "accept"),
        ["POST /{org}/admin/risk-matrix"] = w => WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/risk-matrix", change: f =>
            f["Form.EscalationScore"] = f.GetValueOrDefault("Form.EscalationScore") == "12" ? "11" : "12"),
        ["POST /{org}/admin/risk-matrix?handler=Resize"] = w => WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/risk-matrix", "handler=resize", f =>
        {
            var size = f.GetValueOrDefault("LikelihoodLevels") == "4" ? "5" : "4";
            (f["LikelihoodLevels"], f["ImpactLevels"], f["ConfirmResize"]) = (size, size, "true");
        }),
    };

    /// <summary>A risk with a control and a further action, added as an administrator would (closed when asked).</summary>
    private static async Task<(int Id, int ControlId, int ActionId)> NewAsync(WriteContext w, bool closed = false)
    {
        var risk = await NewRiskAsync(w, closed);
        return (risk.Id, risk.ControlId, risk.ActionId);
    }

    /// <summary>A fresh risk below the escalation score with a control and a further action, and the versions the API sends back.</summary>
    internal sealed record RecipeRisk(int Id, Guid Version, int ControlId, Guid ControlVersion, int ActionId, Guid ActionVersion);

    /// <summary>A proposal for the strategic register waiting for a decision, on a fresh risk.</summary>
    internal static async Task<(int Id, Guid Version)> NewProposalAsync(WriteContext w)
    {
        var risk = await NewRiskAsync(w);
        return await w.Factory.InOrganisationAsync(async db =>
        {
            var admin = new Actor(0, "Recipe Administrator", db.Scope.RequireId(), Role.Administrator, true, new HashSet<int>(), null, new HashSet<int>());
            var proposal = (await new RiskEscalationEditor(db, TimeProvider.System).ProposeAsync(admin, risk.Id, null, "Proposed for the recipe")).Record!;
            return (proposal.Id, proposal.Version);
        });
    }

    internal static Task<RecipeRisk> NewRiskAsync(WriteContext w, bool closed = false) => w.Factory.InOrganisationAsync(async db =>
    {
        var organisationId = db.Scope.RequireId();
        var admin = new Actor(0, "Recipe Administrator", organisationId, Role.Administrator, true, new HashSet<int>(), null, new HashSet<int>());
        var editor = new RiskEditor(db, TimeProvider.System);
        var risk = (await editor.CreateAsync(admin, new RiskInput
        {
            Title = "Recipe risk " + Guid.NewGuid().ToString("N")[..6], Category = "Service", OwnerName = "Recipe owner",
            InherentLikelihood = 3, InherentImpact = 3, CurrentLikelihood = 2, CurrentImpact = 2,
        })).Record!;
        var control = (await new RiskControlEditor(db).AddAsync(admin, risk.Id, new RiskControlInput { Description = "Recipe control", Effectiveness = ControlEffectiveness.Limited })).Record!;
        var action = (await new RiskActionEditor(db).AddAsync(admin, risk.Id, new RiskActionInput { Text = "Recipe action", Due = "Mar 12" })).Record!;
        if (closed)
        {
            await editor.CloseAsync(admin, risk.Id, null, "Closed for the recipe");
        }

        return new RecipeRisk(risk.Id, risk.Version, control.Id, control.Version, action.Id, action.Version);
    });
}
