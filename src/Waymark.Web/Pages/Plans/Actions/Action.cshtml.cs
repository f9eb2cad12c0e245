using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>An action: every field, its leads and links, the printed R/A/G key, its progress updates and due date revisions.</summary>
public class ActionModel(OrganisationScope scope, ActionQueries queries) : ActionPageModel(scope, queries)
{
    public async Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct) =>
        await LoadAsync(id, actionId, ct) ?? Page();
}
