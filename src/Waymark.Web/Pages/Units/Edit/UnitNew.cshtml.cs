using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class UnitNewModel(OrganisationScope scope, UnitEditor editor, FrameworkChoiceQueries queries) : UnitFormModel(scope, queries)
{
    public async Task<IActionResult> OnGetAsync(int? parent, CancellationToken ct)
    {
        await LoadChoicesAsync();
        Input = Input with { ParentId = Choices.All.Units.Any(u => u.Id == parent) ? parent : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync();
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await editor.CreateUnitAsync(await LoadActorAsync(ct), Input, ct);
        return await AnswerAsync(result, unit => Redirect($"{OrgPath}/units/{unit.Id}"));
    }
}
