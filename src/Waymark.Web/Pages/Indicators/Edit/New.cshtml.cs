using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Indicators.Edit;

public class NewModel(OrganisationScope scope, IndicatorEditor editor, FrameworkChoiceQueries framework, WaymarkDbContext db)
    : IndicatorFormModel(scope, editor, framework, db)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var opened = IndicatorEditor.OpenNew(await LoadActorAsync(ct));
        if (opened.Record is { } actor)
        {
            await LoadChoicesAsync(ct);
            Input = new IndicatorDefinitionInput
            {
                Unit = "percentage", DecimalPlaces = "0", Frequency = "quarterly", ToleranceKind = "percent", ToleranceAmount = "5",
                Comparison = "same-period-last-year", Calculation = "none",
                // A service manager's indicators belong to one of their units: start with the first.
                UnitId = actor.WholeOrganisation ? null : Choices.Units.FirstOrDefault(u => actor.Covers(u.Id))?.Id,
            };
        }

        return await AnswerAsync(opened, Page);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var opened = IndicatorEditor.OpenNew(await LoadActorAsync(ct));
        if (opened.Record is not { } actor)
        {
            return await AnswerAsync(opened, Page);
        }

        await LoadChoicesAsync(ct);
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        return await AnswerAsync(await Editor.CreateAsync(actor, Posted, ct), indicator => Redirect($"{OrgPath}/indicators/{indicator.Id}"));
    }
}
