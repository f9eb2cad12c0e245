using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework;

public class ObjectiveModel(OrganisationScope scope, FrameworkService framework) : OrganisationPageModel(scope)
{
    public ObjectiveDetail? Detail { get; private set; }

    // The actions offered on the entry: only those the per-entry rules allow this reader.
    public bool CanChange => Detail is { Objective: var o } && Permissions.CanEditObjective(Actor, o.UnitId, o.OwnerPostId, o.OwnerPersonId);

    public bool CanAddBeneath => Permissions.CanCreateObjectives(Actor);

    public bool CanDelete => Detail is { Objective: var o } && Permissions.CanCreateOrDeleteObjective(Actor, o.UnitId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await DenyUnlessFrameworkReadableAsync(ct) is { } denied)
        {
            return denied;
        }

        Detail = await framework.DetailAsync(id, ct);
        return Detail is null ? NotFound() : Page();
    }
}
