using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework;

public class ObjectiveModel(OrganisationScope scope, FrameworkQueries framework) : OrganisationPageModel(scope)
{
    public ObjectiveDetail? Detail { get; private set; }

    // The actions offered on the entry: only those the per-entry rules allow this reader.
    private ObjectiveActions Actions => Detail is { Objective: var o } ? ObjectiveActions.For(Actor, o) : new(false, false, false);

    public bool CanChange => Actions.Change;

    public bool CanAddBeneath => Actions.AddBeneath;

    public bool CanDelete => Actions.Delete;

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
