using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Plans.Documents;

namespace Waymark.Web.Pages.Plans;

/// <summary>The whole plan as a Word document that reads like the council's own (see docs/plan-documents.md).</summary>
public class DocumentModel(OrganisationScope scope, WaymarkDbContext db, PlanDocumentBuilder builder) : OrganisationPageModel(scope)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        var state = await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => (Core.Plans.PlanState?)p.State).SingleOrDefaultAsync(ct);
        if (state is null)
        {
            return NotFound();
        }

        if (!Permissions.CanReadPlan(actor, Organisation.Id, state.Value))
        {
            // Councillors read approved and published plans only; a draft is not theirs to see.
            return NotFound();
        }

        var document = await builder.BuildAsync(id, ct);
        return document is null ? NotFound() : File(PlanDocx.ToBytes(document), PlanDocx.ContentType, PlanDocx.FileName(document));
    }
}
