using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class PersonEditModel(OrganisationScope scope, PersonEditor editor, FrameworkChoiceQueries queries)
    : PersonFormModel(scope, editor, queries)
{
    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await AnswerAsync(await OpenAsync(id, ct), person =>
        {
            (Input, Version) = (new(person.Name, person.Kind, person.UnitId), person.Version);
            return Page();
        });

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var opened = await OpenAsync(id, ct);
        AddBindingErrors();
        if (opened.Record is null || Errors.Count > 0)
        {
            return await AnswerAsync(opened, _ => Page());
        }

        var result = await Editor.UpdatePersonAsync(Actor, id, Version, Input, ct);
        return await AnswerAsync(result, () => Redirect($"{OrgPath}/people"), differences: saved => ConflictRow.Differing(
            new("Name", saved.Name, Input.Name?.Trim()),
            new("Officer or councillor", saved.Kind.ToString(), Input.Kind?.ToString()),
            new("Unit", Choices.UnitPath(saved.UnitId), Choices.UnitPath(Input.UnitId))));
    }

    /// <summary>The editor's check, with what the form needs whatever its answer: the person's name and the lists.</summary>
    private async Task<EditResult<Person>> OpenAsync(int id, CancellationToken ct)
    {
        var opened = await Editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        PersonName = opened.Record?.Name ?? "";
        await LoadChoicesAsync();
        return opened;
    }
}
