using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Baskets;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Baskets;

/// <summary>
/// A basket for a period: a table per group (value, target, status in words and colour, direction of travel, year-end
/// forecast and its status, commentary, owner) and the roll-up of the whole basket. The period is chosen from the
/// quarters and years offered, and is by default the latest in which one of its indicators has a value.
/// </summary>
public class BasketModel(OrganisationScope scope, BasketQueries queries) : OrganisationPageModel(scope)
{
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodCode { get; set; }

    public BasketReport Report { get; private set; } = null!;

    public bool CanManage => Permissions.CanManageBaskets(Actor);

    /// <summary>A period was asked for that is not one of the choices: the page says so and shows the default.</summary>
    public bool PeriodRefused { get; private set; }

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        await LoadActorAsync(ct);
        var asked = BasketPeriods.Read(PeriodCode, Organisation, Today);
        PeriodRefused = asked.Refused;
        var report = await queries.ReportAsync(Organisation, id, asked.Period, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
