using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
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
        var opened = await Editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (opened.Record is { } indicator)
        {
            Show(indicator);
            Fill(Saved(indicator));
            Version = indicator.Version;
            await LoadChoicesAsync(ct);
        }

        return await AnswerAsync(opened, Page);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var opened = await Editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (opened.Record is not { } indicator)
        {
            return await AnswerAsync(opened, Page);
        }

        Show(indicator);
        await LoadChoicesAsync(ct);
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var mine = Posted;
        return await AnswerAsync(await Editor.UpdateAsync(Actor, id, Version, mine, ct),
            done: () => Redirect($"{OrgPath}/indicators/{id}"),
            differences: current => Compare(Saved(current), mine));
    }

    private void Show(Indicator indicator)
    {
        EditingId = indicator.Id;
        Heading = indicator.Label;
    }

    /// <summary>The definition as saved, with its objectives and inputs (loaded with the indicator by the editor).</summary>
    private IndicatorDefinitionInput Saved(Indicator indicator) => IndicatorDefinitionInput.From(indicator,
        indicator.Objectives.Select(l => l.ObjectiveId).ToList(),
        indicator.Inputs.OrderBy(x => x.Variable).ThenBy(x => x.Id).ToList(), YearStartMonth);
}
