using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework.Edit;

public class NewModel(OrganisationScope scope, FrameworkEditor editor) : ObjectiveFormModel(scope, editor)
{
    /// <summary>Starts the form beneath <paramref name="parent"/>: its unit, its dates, and the level below its level.</summary>
    public async Task<IActionResult> OnGetAsync(int? parent, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanCreateObjectives(actor))
        {
            return Deny(FrameworkEditor.WhyCannotCreate(actor));
        }

        await LoadChoicesAsync(ct);
        if (parent is { } parentId)
        {
            var above = await Editor.FindAsync(parentId, ct);
            if (above is null)
            {
                return NotFound();
            }

            ParentId = above.Id;
            UnitId = Permissions.CanCreateOrDeleteObjective(actor, above.UnitId) ? above.UnitId : null;
            Level = Choices.Levels.FirstOrDefault(l => l.SortOrder > above.Level!.SortOrder)?.Key;
            Start = above.StartPeriod?.Format(YearStartMonth);
            End = above.EndPeriod?.Format(YearStartMonth);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanCreateObjectives(actor))
        {
            return Deny(FrameworkEditor.WhyCannotCreate(actor));
        }

        AddBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await Editor.CreateAsync(actor, Input, YearStartMonth, ct);
            if (result.Outcome == EditOutcome.Done)
            {
                return Redirect($"{OrgPath}/framework/{result.Record!.Id}");
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

        await LoadChoicesAsync(ct);
        return Page();
    }
}
