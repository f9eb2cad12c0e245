using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class UnitNewModel(OrganisationScope scope, StructureEditor editor, FrameworkEditor framework) : UnitFormModel(scope, editor, framework)
{
    public async Task<IActionResult> OnGetAsync(int? parent, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        ParentId = Choices.Units.Any(u => u.Id == parent) ? parent : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AddBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await Editor.CreateUnitAsync(await LoadActorAsync(ct), Input, ct);
            if (result.Outcome == EditOutcome.Done)
            {
                return Redirect($"{OrgPath}/units/{result.Record!.Id}");
            }

            if (!TakeErrors(result))
            {
                return Deny(result.Reason ?? StructureEditor.NotAllowed);
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }
}
