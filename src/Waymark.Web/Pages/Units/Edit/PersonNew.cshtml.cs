using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class PersonNewModel(OrganisationScope scope, StructureEditor editor, FrameworkEditor framework) : PersonFormModel(scope, editor, framework)
{
    public async Task<IActionResult> OnGetAsync(int? unit, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        UnitId = Choices.Units.Any(u => u.Id == unit) ? unit : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        AddBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await Editor.CreatePersonAsync(await LoadActorAsync(ct), Input, ct);
            if (result.Outcome == EditOutcome.Done)
            {
                return Redirect($"{OrgPath}/people");
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
