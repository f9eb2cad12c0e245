using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks;

/// <summary>
/// Proposals for the strategic register: those waiting for the central team's decision, the service risks whose score is
/// above the escalation score that nobody has proposed yet, and the latest decisions.
/// </summary>
public class EscalationsModel(OrganisationScope scope, RiskQueries queries) : OrganisationPageModel(scope)
{
    public RiskEscalationsOverview Overview { get; private set; } = null!;
    public bool CanDecide { get; private set; }
    private Actor? actor;

    public string RisksPath => $"{OrgPath}/risks";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        actor = await LoadActorAsync(ct);
        Overview = await queries.EscalationsAsync(ct);
        CanDecide = Permissions.CanDecideRiskEscalations(actor);
        return Page();
    }

    /// <summary>Whether the person may propose this risk (whoever may change it).</summary>
    public bool CanPropose(RiskDueForEscalation risk) => Permissions.CanEditRisk(actor, risk.UnitId, risk.OwnerPostId, risk.OwnerPersonId);
}
