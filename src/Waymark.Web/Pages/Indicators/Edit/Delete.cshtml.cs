using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
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
        var opened = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (opened.Record is { } indicator)
        {
            await ShowAsync(indicator, ct);
            Version = indicator.Version;
        }

        return await AnswerAsync(opened, Page);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (opened.Record is not { } indicator)
        {
            return await AnswerAsync(opened, Page);
        }

        await ShowAsync(indicator, ct);
        return await AnswerAsync(await editor.DeleteAsync(Actor, id, Version, ct),
            done: () => Redirect($"{OrgPath}/indicators"),
            differences: current =>
            {
                // The confirm shows the indicator as it now is; deleting it again is a choice made having seen that.
                Indicator = current;
                return [];
            });
    }

    /// <summary>Said where the confirm button was, as on opening the page (not an error of the request).</summary>
    protected override void ShowRefusal(string reason) => Refusal = reason;

    private async Task ShowAsync(Indicator indicator, CancellationToken ct)
    {
        Indicator = indicator;
        TargetCount = await db.IndicatorTargets.CountAsync(t => t.IndicatorId == indicator.Id, ct);
        ValueCount = await db.IndicatorValues.CountAsync(v => v.IndicatorId == indicator.Id, ct);
        Refusal = await editor.WhyCannotDeleteAsync(indicator.Id, ct);
    }
}
