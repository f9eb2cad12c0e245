using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Indicators.Edit;

public class DeleteModel(OrganisationScope scope, IndicatorEditor editor, WaymarkDbContext db) : EditorPageModel(scope)
{
    public Indicator? Indicator { get; private set; }

    public int TargetCount { get; private set; }

    public int ValueCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        Version = Indicator!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var result = await editor.DeleteAsync(Actor, id, Version, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                return Redirect($"{OrgPath}/indicators");
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            case EditOutcome.Conflict:
                Conflict = [];
                Indicator = result.Record!;
                Version = Indicator.Version;
                return Page();
            default:
                Refusal = result.Reason;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Indicator = await editor.FindAsync(id, ct);
        if (Indicator is null)
        {
            return NotFound();
        }

        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanManageIndicator(actor, Indicator.UnitId))
        {
            return Deny(IndicatorEditor.WhyCannotManage(actor, Indicator));
        }

        TargetCount = await db.IndicatorTargets.CountAsync(t => t.IndicatorId == id, ct);
        ValueCount = await db.IndicatorValues.CountAsync(v => v.IndicatorId == id, ct);
        Refusal = await editor.WhyCannotDeleteAsync(id, ct);
        return null;
    }
}
