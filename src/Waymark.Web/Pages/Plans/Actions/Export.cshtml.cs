using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>A plan's actions as CSV or .xlsx: £ as numbers, text never a formula.</summary>
public class ExportModel(OrganisationScope scope, WaymarkDbContext db, ActionQueries queries) : OrganisationPageModel(scope)
{
    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        if (!Permissions.CanReadPlan(actor, Organisation.Id, plan.State))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var table = ActionQueries.ExportTable(plan, await queries.PlanActionsAsync(id, YearStartMonth, ct), YearStartMonth);
        var name = $"plan-{plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}-actions-{Organisation.Slug}";
        return string.Equals(Format, "xlsx", StringComparison.OrdinalIgnoreCase)
            ? File(TableExport.ToXlsx(table), TableExport.XlsxContentType, name + TableExport.XlsxExtension)
            : File(TableExport.ToCsv(table), TableExport.CsvContentType + "; charset=utf-8", name + TableExport.CsvExtension);
    }
}
