using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class UnitEditModel(OrganisationScope scope, UnitEditor editor, FrameworkChoiceQueries queries) : UnitFormModel(scope, queries)
{
    public string UnitName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await AnswerAsync(await OpenAsync(id, ct), unit =>
        {
            Version = unit.Version;
            Input = new(unit.ParentId, unit.Name, unit.Kind, unit.Description, unit.HeadPostId);
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

        var result = await editor.UpdateUnitAsync(Actor, id, Version, Input, ct);
        return await AnswerAsync(result, _ => Redirect($"{OrgPath}/units/{id}"), differences: saved => ConflictRow.Differing(
            new("Name", saved.Name, Input.Name?.Trim()),
            new("Kind", saved.Kind, Input.Kind?.Trim()),
            new("Description", saved.Description, Input.Description?.Trim()),
            new("Part of", Choices.UnitPath(saved.ParentId), Choices.UnitPath(Input.ParentId)),
            new("Head post", Choices.PostTitle(saved.HeadPostId), Choices.PostTitle(Input.HeadPostId))));
    }

    /// <summary>The editor's check, with what the form needs whatever its answer: the unit's name and the lists.</summary>
    private async Task<EditResult<Unit>> OpenAsync(int id, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (opened.Record is { } unit)
        {
            (EditingId, UnitName) = (unit.Id, unit.Name);
        }

        await LoadChoicesAsync();
        return opened;
    }
}
