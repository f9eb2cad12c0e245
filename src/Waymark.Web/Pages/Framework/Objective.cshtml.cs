using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework;

public class ObjectiveModel(OrganisationScope scope, FrameworkService framework) : OrganisationPageModel(scope)
{
    public ObjectiveDetail? Detail { get; private set; }

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
