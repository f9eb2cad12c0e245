using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class PersonNewModel(OrganisationScope scope, PersonEditor editor, FrameworkChoiceQueries queries) : PersonFormModel(scope, editor, queries)
{
    public async Task<IActionResult> OnGetAsync(int? unit, CancellationToken ct)
    {
        await LoadChoicesAsync();
        Input = Input with { UnitId = Choices.All.Units.Any(u => u.Id == unit) ? unit : null };
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

        var result = await Editor.CreatePersonAsync(await LoadActorAsync(ct), Input, ct);
        return await AnswerAsync(result, () => Redirect($"{OrgPath}/people"));
    }
}
