using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework.Edit;

/// <summary>An entry's "contributes to" links: add one (chosen from a list, narrowed by a search) or remove one.</summary>
public class LinksModel(OrganisationScope scope, ObjectiveLinkEditor editor, FrameworkQueries framework, FrameworkChoiceQueries queries) : EditorPageModel(scope)
{
    public Objective? Entry { get; private set; }

    public IReadOnlyList<ObjectiveSummary> Linked { get; private set; } = [];

    /// <summary>What the entry may be linked to: not itself, nothing it is already linked to, matching the search.</summary>
    public IReadOnlyList<ChoiceObjective> Candidates { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public int? ToId { get; set; }

    public SelectInput TargetSelect => new(ObjectiveFields.ToId, nameof(ToId), "Contributes to", ToId?.ToString(CultureInfo.InvariantCulture),
        Errors.GetValueOrDefault(ObjectiveFields.ToId),
        Candidates.Select(c => new SelectOption(c.Id.ToString(CultureInfo.InvariantCulture), ObjectiveFormModel.ShortLabel(c.Reference, c.Title), c.LevelName)).ToList())
    { EmptyText = "Choose an entry", Hint = "Entries are grouped by level." };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await AnswerAsync(await OpenAsync(id, ct), _ => Page());

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        var opened = await OpenAsync(id, ct);
        AddBindingErrors();
        if (opened.Record is null || Errors.Count > 0)
        {
            return await AnswerAsync(opened, _ => Page());
        }

        var result = await editor.AddLinkAsync(Actor, id, ToId, ct);
        return await AnswerAsync(result, () => Redirect($"{OrgPath}/framework/{id}/links"), () => LoadListsAsync(id, ct));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var opened = await OpenAsync(id, ct);
        if (opened.Record is null || ToId is not { } toId)
        {
            return await AnswerAsync(opened, _ => Redirect($"{OrgPath}/framework/{id}/links"));
        }

        // Removed now, or already gone (removed by someone else): either way the link is no longer there.
        var result = await editor.RemoveLinkAsync(Actor, id, toId, ct);
        return await AnswerRemovalAsync(result, () => Redirect($"{OrgPath}/framework/{id}/links"));
    }

    private async Task<EditResult<Objective>> OpenAsync(int id, CancellationToken ct)
    {
        var opened = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        Entry = opened.Record;
        if (Entry is not null)
        {
            await LoadListsAsync(id, ct);
        }

        return opened;
    }

    private async Task LoadListsAsync(int id, CancellationToken ct)
    {
        var detail = await framework.DetailAsync(id, ct);
        Linked = detail?.ContributesTo ?? [];
        var linked = Linked.Select(l => l.Id).ToHashSet();
        var choices = await queries.ChoicesAsync(ct);
        var q = Q?.Trim();
        Candidates = choices.Objectives
            .Where(o => o.Id != id && !linked.Contains(o.Id))
            .Where(o => string.IsNullOrEmpty(q)
                || (o.Reference?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
                || o.Title.Contains(q, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}
