using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Milestones;

/// <summary>A milestone of a plan: its targets, owner, latest progress and every report made on it.</summary>
public class MilestoneModel(OrganisationScope scope, MilestoneProgressQueries queries) : MilestonePageModel(scope, queries)
{
    public async Task<IActionResult> OnGetAsync(int id, int milestoneId, CancellationToken ct) =>
        await LoadAsync(id, milestoneId, ct) ?? Page();
}
