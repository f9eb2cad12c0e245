using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class PeopleModel(OrganisationScope scope, WaymarkDbContext db) : OrganisationPageModel(scope)
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        People = await db.People.AsNoTracking().Include(p => p.Unit).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        return Page();
    }
}
