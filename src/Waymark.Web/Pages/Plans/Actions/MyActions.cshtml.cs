using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>The actions the signed-in person leads (themselves or through a post), grouped: overdue, needing this quarter's update, up to date.</summary>
public class MyActionsModel(OrganisationScope scope, ActionQueries queries) : OrganisationPageModel(scope)
{
    public MyActions Mine { get; private set; } = null!;

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public string QuarterText => Mine.CurrentQuarter.Format(YearStartMonth);

    public string ActionUrl(MyActionRow row) => $"{OrgPath}/plans/{row.Plan.Id}/actions/{row.Action.Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        Mine = await queries.MyActionsAsync(actor, YearStartMonth, ct);
        return Page();
    }
}
