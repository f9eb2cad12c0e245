using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

/// <summary>The councillors holding portfolios that cover a unit: add one, remove one.</summary>
public class PortfolioHoldersModel(OrganisationScope scope, UnitEditor units, PersonEditor editor, FrameworkChoiceQueries queries, WaymarkDbContext db)
    : EditorPageModel(scope)
{
    public Unit? Unit { get; private set; }

    public IReadOnlyList<PortfolioHolder> Holders { get; private set; } = [];

    [BindProperty]
    public PortfolioHolderInput Input { get; set; } = new(null, null, null);

    [BindProperty] public int? HolderId { get; set; }

    public StructureChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await AnswerAsync(await OpenAsync(id, ct), _ => Page());

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        var opened = await OpenAsync(id, ct);
        AddBindingErrors();
        if (opened.Record is null || Errors.Count > 0)
        {
            return await AnswerAsync(opened, _ => Page());
        }

        var result = await editor.AddPortfolioHolderAsync(Actor, id, Input, ct);
        return await AnswerAsync(result, () => Redirect($"{OrgPath}/units/{id}/portfolio-holders"));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var opened = await OpenAsync(id, ct);
        if (opened.Record is null || HolderId is not { } holderId)
        {
            return await AnswerAsync(opened, _ => Redirect($"{OrgPath}/units/{id}/portfolio-holders"));
        }

        // Removed now, or already removed by someone else: either way it is gone.
        var result = await editor.RemovePortfolioHolderAsync(Actor, id, holderId, ct);
        return await AnswerRemovalAsync(result, () => Redirect($"{OrgPath}/units/{id}/portfolio-holders"));
    }

    private async Task<EditResult<Unit>> OpenAsync(int id, CancellationToken ct)
    {
        var opened = await units.OpenAsync(await LoadActorAsync(ct), id, ct);
        Unit = opened.Record;
        if (Unit is not null)
        {
            Holders = await db.PortfolioHolders.AsNoTracking().Include(h => h.Person).Where(h => h.UnitId == id)
                .OrderBy(h => h.SortOrder).ThenBy(h => h.Portfolio).ToListAsync(ct);
            Choices = await StructureChoices.LoadAsync(queries, ct);
        }

        return opened;
    }
}
