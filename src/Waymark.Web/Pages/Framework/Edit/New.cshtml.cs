using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework.Edit;

public class NewModel(OrganisationScope scope, FrameworkEditor editor, FrameworkChoiceQueries queries) : ObjectiveFormModel(scope, editor, queries)
{
    /// <summary>Starts the form beneath <paramref name="parent"/>: its unit, its dates, and the level below its level.</summary>
    public async Task<IActionResult> OnGetAsync(int? parent, CancellationToken ct)
    {
        var started = await Editor.StartAsync(await LoadActorAsync(ct), parent, YearStartMonth, ct);
        await LoadChoicesAsync();
        return await AnswerAsync(started, input =>
        {
            Input = input;
            return Page();
        });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var started = await Editor.StartAsync(await LoadActorAsync(ct), null, YearStartMonth, ct);
        await LoadChoicesAsync();
        AddBindingErrors();
        if (started.Record is null || Errors.Count > 0)
        {
            return await AnswerAsync(started, _ => Page());
        }

        var result = await Editor.CreateAsync(Actor, Input, YearStartMonth, ct);
        return await AnswerAsync(result, entry => Redirect($"{OrgPath}/framework/{entry.Id}"));
    }
}
