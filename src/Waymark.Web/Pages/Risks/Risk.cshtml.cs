using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks;

/// <summary>A risk: cause, event and consequence, the three scores, controls, further actions with their R/A/G, links and review history.</summary>
public class RiskModel(OrganisationScope scope, RiskQueries queries) : OrganisationPageModel(scope)
{
    public RiskDetail Detail { get; private set; } = null!;
    public Risk Risk => Detail.Risk;
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }
    public bool CanDecide { get; private set; }
    public RagKeyWords Key { get; private set; } = RagKey.Default;
    public string RiskPath => $"{OrgPath}/risks/{Risk.Id}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (await queries.RiskAsync(id, ct) is not { } detail)
        {
            return NotFound();
        }

        Detail = detail;
        CanEdit = Permissions.CanEditRisk(actor, Risk.UnitId, Risk.OwnerPostId, Risk.OwnerPersonId);
        CanReview = Risk.State == RiskState.Open && Permissions.CanReviewRisk(actor, Risk.UnitId, Risk.OwnerPostId, Risk.OwnerPersonId);
        CanDecide = Permissions.CanDecideRiskEscalations(actor);
        Key = RagKey.For(Organisation);
        return Page();
    }

    public string Level(RiskScale scale, int level) => $"{level} {RiskDisplay.LevelName(Detail.Matrix, scale, level)}";
}
