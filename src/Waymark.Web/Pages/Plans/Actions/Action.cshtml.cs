using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>An action: every field, its leads and links, the risks it mitigates, the printed R/A/G key, its progress updates and due date revisions.</summary>
public class ActionModel(OrganisationScope scope, ActionQueries queries, RiskQueries risks) : ActionPageModel(scope, queries)
{
    /// <summary>The risks whose further actions include this action.</summary>
    public IReadOnlyList<(int Id, string Reference, string Title, bool Open)> Mitigates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct)
    {
        if (await LoadAsync(id, actionId, ct) is { } stop)
        {
            return stop;
        }

        Mitigates = await risks.RisksMitigatedByAsync(actionId, ct);
        return Page();
    }
}
