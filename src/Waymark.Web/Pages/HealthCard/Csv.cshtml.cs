using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Breakdowns;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Spreadsheets;

namespace Waymark.Web.Pages.HealthCard;

/// <summary>A Health Card as CSV, for the period chosen on the page (members).</summary>
public class CsvModel(OrganisationScope scope, WaymarkDbContext db, HealthCardQueries queries) : OrganisationPageModel(scope)
{
    public async Task<IActionResult> OnGetAsync(int id, string? period, CancellationToken ct)
    {
        if (await HealthCardView.LoadAsync(db, queries, id, period, YearStartMonth, ct) is not { } view)
        {
            return NotFound();
        }

        var name = $"health-card-{view.Card.Period.Code}.csv";
        return File(CsvFormat.Encoding.GetPreamble().Concat(CsvFormat.Encoding.GetBytes(view.Csv())).ToArray(), "text/csv; charset=utf-8", name);
    }
}
