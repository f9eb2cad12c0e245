using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Indicators.Edit;

public class EditModel(OrganisationScope scope, IndicatorEditor editor, FrameworkChoiceQueries framework, WaymarkDbContext db)
    : IndicatorFormModel(scope, editor, framework, db)
{
    /// <summary>"NI 4 % who feel they can influence decisions".</summary>
    public string Heading { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (indicator, stop) = await LoadAsync(id, ct);
        if (stop is not null)
        {
            return stop;
        }

        Fill(await SavedAsync(indicator!, ct));
        Version = indicator!.Version;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if ((await LoadAsync(id, ct)).Stop is { } stop)
        {
            return stop;
        }

        await LoadChoicesAsync(ct);
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await Editor.UpdateAsync(Actor, id, Version, Input, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                return Redirect($"{OrgPath}/indicators/{id}");
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            case EditOutcome.Conflict:
                var current = result.Record!;
                Conflict = Compare(await SavedAsync(current, ct), Input);
                // Saving again now is a deliberate choice, made having seen what the other person saved.
                Version = current.Version;
                return Page();
            default:
                foreach (var (field, message) in result.Errors)
                {
                    Errors[field] = message;
                }

                return Page();
        }
    }

    private async Task<IndicatorDefinitionInput> SavedAsync(Indicator indicator, CancellationToken ct)
    {
        var objectives = await Db.IndicatorObjectives.AsNoTracking().Where(l => l.IndicatorId == indicator.Id).Select(l => l.ObjectiveId).ToListAsync(ct);
        var inputs = await Db.IndicatorInputs.AsNoTracking().Where(x => x.IndicatorId == indicator.Id).OrderBy(x => x.Variable).ThenBy(x => x.Id).ToListAsync(ct);
        return IndicatorDefinitionInput.From(indicator, objectives, inputs, YearStartMonth);
    }

    /// <summary>The indicator, or why the page stops: not found, or 403 when this person may not change it.</summary>
    private async Task<(Indicator? Indicator, IActionResult? Stop)> LoadAsync(int id, CancellationToken ct)
    {
        var indicator = await Editor.FindAsync(id, ct);
        if (indicator is null)
        {
            return (null, NotFound());
        }

        EditingId = indicator.Id;
        Heading = indicator.Label;
        var actor = await LoadActorAsync(ct);
        return Permissions.CanManageIndicator(actor, indicator.UnitId)
            ? (indicator, null)
            : (indicator, Deny(IndicatorEditor.WhyCannotManage(actor, indicator)));
    }
}
