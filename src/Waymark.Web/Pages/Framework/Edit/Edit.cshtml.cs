using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework.Edit;

public class EditModel(OrganisationScope scope, FrameworkEditor editor, FrameworkChoiceQueries queries) : ObjectiveFormModel(scope, editor, queries)
{
    /// <summary>"Council Action A1", "Supporting objective".</summary>
    public string Heading { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await AnswerAsync(await OpenAsync(id, ct), entry =>
        {
            Input = ObjectiveInput.From(entry, entry.Level!.Key, YearStartMonth);
            Version = entry.Version;
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

        var result = await Editor.UpdateAsync(Actor, id, Version, Input, YearStartMonth, ct);
        return await AnswerAsync(result, () => Redirect($"{OrgPath}/framework/{id}"),
            differences: current => Compare(ObjectiveInput.From(current, current.Level!.Key, YearStartMonth), Input));
    }

    /// <summary>The editor's check, with what the page needs whatever its answer: the heading and the lists.</summary>
    private async Task<EditResult<Objective>> OpenAsync(int id, CancellationToken ct)
    {
        var opened = await Editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (opened.Record is { } entry)
        {
            EditingId = entry.Id;
            Heading = string.IsNullOrWhiteSpace(entry.Reference) ? entry.Level!.Name.ToLowerInvariant() : $"{entry.Level!.Name} {entry.Reference}";
            await LoadChoicesAsync();
        }

        return opened;
    }
}
