using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public class UnitDeleteModel(OrganisationScope scope, UnitEditor editor) : EditorPageModel(scope)
{
    public Unit? Unit { get; private set; }

    /// <summary>Why the unit cannot be deleted now: what is in it, or that someone else changed it meanwhile.</summary>
    public string? Shown => Refusal ?? (Conflict is null ? null
        : "Someone else changed this unit after you opened this page. Check the unit, then delete it again if you still mean to.");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var opened = await OpenAsync(id, ct);
        if (opened.Record is { } unit && await editor.UnitContentsAsync(id, ct) is { Count: > 0 } contents)
        {
            Refusal = UnitEditor.WhyUnitCannotBeDeleted(unit.Name, contents);
        }

        return await AnswerAsync(opened, unit =>
        {
            Version = unit.Version;
            return Page();
        });
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { Record: null } opened)
        {
            return await AnswerAsync(opened, _ => Page());
        }

        var result = await editor.DeleteUnitAsync(Actor, id, Version, ct);
        return await AnswerAsync(result, () => Redirect(Unit!.ParentId is { } parent ? $"{OrgPath}/units/{parent}" : $"{OrgPath}/units"));
    }

    /// <summary>The delete page explains a refusal in place of its button, as an ordinary page.</summary>
    protected override void ShowRefusal(string reason) => Refusal = reason;

    private async Task<EditResult<Unit>> OpenAsync(int id, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        Unit = opened.Record;
        return opened;
    }
}
