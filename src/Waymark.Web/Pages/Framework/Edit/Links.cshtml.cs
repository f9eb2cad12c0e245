using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework.Edit;

/// <summary>An entry's "contributes to" links: add one (chosen from a list, narrowed by a search) or remove one.</summary>
public class LinksModel(OrganisationScope scope, FrameworkEditor editor, FrameworkService framework) : EditorPageModel(scope)
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

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        AddBindingErrors();
        if (Errors.Count == 0)
        {
            var result = await editor.AddLinkAsync(Actor, id, ToId, ct);
            switch (result.Outcome)
            {
                case EditOutcome.Done:
                    return Redirect($"{OrgPath}/framework/{id}/links");
                case EditOutcome.NotFound:
                    return NotFound();
                case EditOutcome.Forbidden:
                    return Deny(result.Reason!);
                default:
                    foreach (var (field, message) in result.Errors)
                    {
                        Errors[field] = message;
                    }

                    break;
            }
        }

        await LoadListsAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        if (ToId is { } toId)
        {
            var result = await editor.RemoveLinkAsync(Actor, id, toId, ct);
            if (result.Outcome == EditOutcome.Forbidden)
            {
                return Deny(result.Reason!);
            }
        }

        // Removed now, or already gone (removed by someone else): either way the link is no longer there.
        return Redirect($"{OrgPath}/framework/{id}/links");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        Entry = await editor.FindAsync(id, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanEditObjective(actor, Entry.UnitId, Entry.OwnerPostId, Entry.OwnerPersonId))
        {
            return Deny(FrameworkEditor.WhyCannotEdit(actor, Entry));
        }

        await LoadListsAsync(id, ct);
        return null;
    }

    private async Task LoadListsAsync(int id, CancellationToken ct)
    {
        var detail = await framework.DetailAsync(id, ct);
        Linked = detail?.ContributesTo ?? [];
        var linked = Linked.Select(l => l.Id).ToHashSet();
        var choices = await editor.ChoicesAsync(ct);
        var q = Q?.Trim();
        Candidates = choices.Objectives
            .Where(o => o.Id != id && !linked.Contains(o.Id))
            .Where(o => string.IsNullOrEmpty(q)
                || (o.Reference?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
                || o.Title.Contains(q, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }
}
