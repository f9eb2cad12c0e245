using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Indicators.Edit;

public class NewModel(OrganisationScope scope, IndicatorEditor editor, FrameworkChoiceQueries framework, WaymarkDbContext db)
    : IndicatorFormModel(scope, editor, framework, db)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanCreateIndicators(actor))
        {
            return Deny(IndicatorEditor.WhyCannotManage(actor, null));
        }

        Unit = "percentage";
        DecimalPlaces = "0";
        Frequency = "quarterly";
        ToleranceKind = "percent";
        ToleranceAmount = "5";
        Comparison = "same-period-last-year";
        Calculation = "none";
        await LoadChoicesAsync(ct);
        // A service manager's indicators belong to one of their units: start with the first.
        UnitId = actor!.WholeOrganisation ? null : Choices.Units.FirstOrDefault(u => actor.Covers(u.Id))?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanCreateIndicators(actor))
        {
            return Deny(IndicatorEditor.WhyCannotManage(actor, null));
        }

        await LoadChoicesAsync(ct);
        AddBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await Editor.CreateAsync(actor, Input, ct);
            if (result.Outcome == EditOutcome.Done)
            {
                return Redirect($"{OrgPath}/indicators/{result.Record!.Id}");
            }

            if (result.Outcome == EditOutcome.Forbidden)
            {
                return Deny(result.Reason!);
            }

            foreach (var (field, message) in result.Errors)
            {
                Errors[field] = message;
            }
        }

        return Page();
    }
}
