using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

/// <summary>The councillors holding portfolios that cover a unit: add one, remove one.</summary>
public class PortfolioHoldersModel(OrganisationScope scope, StructureEditor editor, FrameworkEditor framework, WaymarkDbContext db)
    : StructureFormModel(scope, editor, framework)
{
    public Unit? Unit { get; private set; }

    public IReadOnlyList<PortfolioHolder> Holders { get; private set; } = [];

    [BindProperty] public int? PersonId { get; set; }
    [BindProperty] public string? Portfolio { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int? HolderId { get; set; }

    public string? IdText(int? id) => Id(id);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        AddBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await Editor.AddPortfolioHolderAsync(await LoadActorAsync(ct), id, new PortfolioHolderInput(PersonId, Portfolio, Note), ct);
            switch (result.Outcome)
            {
                case EditOutcome.Done:
                    return Redirect($"{OrgPath}/units/{id}/portfolio-holders");
                case EditOutcome.NotFound:
                    return NotFound();
                case EditOutcome.Forbidden:
                    return Deny(result.Reason!);
                default:
                    TakeErrors(result);
                    break;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (HolderId is { } holderId
            && await Editor.RemovePortfolioHolderAsync(await LoadActorAsync(ct), id, holderId, ct) is { Outcome: EditOutcome.Forbidden } refused)
        {
            return Deny(refused.Reason!);
        }

        // Removed now, or already removed by someone else: either way it is gone.
        return Redirect($"{OrgPath}/units/{id}/portfolio-holders");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (Unit is null)
        {
            return false;
        }

        Holders = await db.PortfolioHolders.AsNoTracking().Include(h => h.Person).Where(h => h.UnitId == id)
            .OrderBy(h => h.SortOrder).ThenBy(h => h.Portfolio).ToListAsync(ct);
        await LoadChoicesAsync(ct);
        return true;
    }
}
