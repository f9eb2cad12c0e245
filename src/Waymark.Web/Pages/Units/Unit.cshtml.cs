using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units;

public class UnitModel(OrganisationScope scope, UnitQueries units) : OrganisationPageModel(scope)
{
    public UnitDetail? Detail { get; private set; }

    public bool CanManageStructure => UnitEditor.MayChange(Actor);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Detail = await units.DetailAsync(id, ct);
        return Detail is null ? NotFound() : Page();
    }
}
