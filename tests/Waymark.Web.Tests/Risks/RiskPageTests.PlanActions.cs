using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Risks;

public partial class RiskPageTests
{
    [Fact]
    public async Task AFurtherAction_LinksAPlanActionFoundBySearch_WhichSaysItMitigatesTheRisk_ButNeverAnotherCouncilsAction()
    {
        var chosen = await factory.InOrganisationAsync(db => db.PlanActions.Where(a => a.PlanId != null && a.Title.Length > 12)
            .OrderBy(a => a.Id).Select(a => new { a.Id, PlanId = a.PlanId!.Value, a.Title }).FirstAsync());
        var (action, planId, title) = (chosen.Id, chosen.PlanId, chosen.Title);
        var foreign = await factory.InOrganisationAsync(db =>
        {
            var here = db.Scope.RequireId();
            return db.PlanActions.IgnoreQueryFilters().Where(a => a.OrganisationId != here).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        });
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var riskPath = await AddRiskAsync(client, "Failure to deliver the plan's actions " + Guid.NewGuid().ToString("N")[..6]);

        var found = await client.GetPageAsync($"{riskPath}/actions/new?q={Uri.EscapeDataString(title[..12])}");
        Assert.Contains("match", Html.TestId(found, "plan-action-matches"), StringComparison.Ordinal);
        Assert.Contains($"value=\"{action}\"", found, StringComparison.Ordinal);

        var other = await PageForm.ReadAsync(client, $"{riskPath}/actions/new", "further-action-form");
        other["Form.PlanActionId"] = foreign.ToString(CultureInfo.InvariantCulture);
        using (var refused = await other.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Select a plan action from the list", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var link = await PageForm.ReadAsync(client, $"{riskPath}/actions/new", "further-action-form");
        link["Form.PlanActionId"] = action.ToString(CultureInfo.InvariantCulture);
        using (var saved = await link.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await client.GetPageAsync($"{Org}/plans/{planId}/actions/{action}");
        Assert.Contains($"href=\"{riskPath}\"", Html.InnerHtml(page, "mitigates"), StringComparison.Ordinal);
        Assert.Contains("Mitigates risk", Html.InnerHtml(page, "mitigates"), StringComparison.Ordinal);
    }
}
