using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks;

/// <summary>
/// The heat map of a register view (current, inherent or target scores, switched by link): each cell's count links to
/// the register filtered to it; a table beside it holds the same counts.
/// </summary>
public class HeatMapModel(OrganisationScope scope, RiskQueries queries) : OrganisationPageModel(scope)
{
    public RiskView View { get; private set; } = null!;
    public HeatMapDrawing Drawing { get; private set; } = null!;
    public HeatMap Map => Drawing.Map;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = RiskView.From(Request.Query) with { Likelihood = null, Impact = null };
        var map = await queries.HeatMapAsync(View.Filter, ct);
        Drawing = new HeatMapDrawing(map, CellLink);
        return Page();
    }

    public string CellLink(HeatMapCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return $"{OrgPath}/risks{(View with { Likelihood = cell.Likelihood, Impact = cell.Impact }).Query()}";
    }

    public string SwitchLink(RiskAssessment assessment) => $"{OrgPath}/risks/heat-map{(View with { Assessment = assessment }).Query()}";
}
