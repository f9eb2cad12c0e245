using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>
/// The plan types and section template pages (a list in its order, add, change, delete): the editor, where the lists
/// are, the outcome banner, and each kind of page's steps, which the pages call with the editor's methods for their list.
/// A list's page saves the defaults for an organisation that has none yet (<see cref="PlanTemplateEditor.EnsureDefaultsAsync"/>):
/// that changes nothing anyone sees, as new plans and forms already use the defaults, and it gives every row shown a
/// record, with a version, to change, move or delete. Only those who may manage the lists reach these pages.
/// </summary>
public abstract class PlanTemplatePageModel<T>(OrganisationScope scope, PlanTemplateEditor editor) : EditorPageModel(scope)
    where T : class, IPlanTemplateEntry
{
    /// <summary>The id of a list on its page, which the error summary links to when an entry has gone.</summary>
    public const string ListId = "entries";

    protected PlanTemplateEditor Editor => editor;

    public string TypesPath => $"{OrgPath}/admin/plan-types";

    public string SectionsPath => $"{OrgPath}/admin/plan-sections";

    [TempData]
    public string? Notification { get; set; }

    /// <summary>The list, on a list's page.</summary>
    public IReadOnlyList<T> Entries { get; private set; } = [];

    /// <summary>The entry a page changes or deletes, as saved (or, after a conflict, as saved now).</summary>
    public T? Entry { get; private set; }

    /// <summary>The id of an entry's row in a list, which the error summary links to.</summary>
    public string RowId(int id) => FormattableString.Invariant($"entry-{id}");

    /// <summary>How an entry is named in messages: a plan type's name, a section's heading.</summary>
    protected static string NameOf(T entry) => entry switch
    {
        PlanType type => type.Name,
        SectionTemplate section => section.Heading,
        _ => entry.Key,
    };

    /// <summary>Refusals (an entry that must stay) are said in place of the button, as when the page is first shown.</summary>
    protected override void ShowRefusal(string reason) => Refusal = reason;

    protected async Task ShowListAsync(Func<CancellationToken, Task<List<T>>> list, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(list);
        await editor.EnsureDefaultsAsync(await LoadActorAsync(ct), ct);
        Entries = await list(ct);
    }

    /// <summary>Moves an entry up or down its list (a form per entry: no script needed).</summary>
    protected async Task<IActionResult> MoveAsync(int id, string? direction, Func<int, CancellationToken, Task<T?>> find,
        Func<Actor?, int, Guid?, bool, CancellationToken, Task<EditResult<T>>> move, Func<CancellationToken, Task<List<T>>> list, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(move);
        ArgumentNullException.ThrowIfNull(list);
        if (await find(id, ct) is null)
        {
            Errors[ListId] = "That entry is no longer in the list: someone else has deleted it. The list below is as it is now";
            Entries = await list(ct);
            return Page();
        }

        var up = direction == "up";
        return await AnswerAsync(await move(await LoadActorAsync(ct), id, Version, up, ct), moved =>
        {
            Notification = $"\u201c{NameOf(moved)}\u201d has been moved {(up ? "up" : "down")}";
            return RedirectToPage();
        }, reload: async () => Entries = await list(ct), differences: current =>
        {
            Errors[RowId(id)] = $"Someone else changed \u201c{NameOf(current)}\u201d after this page was shown, so it has not been moved. "
                + "The list below is as it is now: move it again if you still want to";
            return [];
        });
    }

    /// <summary>A change or delete page's GET: the entry, and the version the form is based on.</summary>
    protected async Task<IActionResult> ShowEntryAsync(int id, Func<int, CancellationToken, Task<T?>> find, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(find);
        Entry = await find(id, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        Version = Entry.Version;
        return Page();
    }

    /// <summary>Adds an entry at the end of its list.</summary>
    protected async Task<IActionResult> AddAsync(Func<Actor?, Task<EditResult<T>>> add, Func<T, string> added, string listPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(added);
        return await AnswerAsync(await add(await LoadActorAsync(ct)), entry =>
        {
            Notification = added(entry);
            return Redirect(listPath);
        });
    }

    /// <summary>Changes an entry (its key stays): shows what someone else saved meanwhile beside what was entered.</summary>
    protected async Task<IActionResult> ChangeAsync(int id, Func<int, CancellationToken, Task<T?>> find, Func<Actor?, Task<EditResult<T>>> save,
        Func<T, IReadOnlyList<ConflictRow>> differences, Func<T, string> done, string listPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(differences);
        ArgumentNullException.ThrowIfNull(done);
        Entry = await find(id, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        return await AnswerAsync(await save(await LoadActorAsync(ct)), saved =>
        {
            Notification = done(saved);
            return Redirect(listPath);
        }, differences: current =>
        {
            Entry = current;
            return differences(current);
        });
    }

    /// <summary>Deletes an entry, or says why it must stay (<paramref name="kind"/>: "plan type", "section").</summary>
    protected async Task<IActionResult> DeleteAsync(int id, Func<int, CancellationToken, Task<T?>> find, Func<Actor?, Task<EditResult<T>>> delete,
        string kind, string listPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(delete);
        Entry = await find(id, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        var name = NameOf(Entry);
        return await AnswerAsync(await delete(await LoadActorAsync(ct)), () =>
        {
            Notification = $"\u201c{name}\u201d has been deleted";
            return Redirect(listPath);
        }, differences: _ =>
        {
            Refusal = $"Someone else changed this {kind} after you opened this page, so it has not been deleted. Check it, then delete it again if you still mean to.";
            return [];
        });
    }
}

/// <summary>One entry's controls in a list (_EntryActions.cshtml): move up and down, change, delete.</summary>
public sealed record EntryActions(int Id, string Key, Guid Version, string Name, bool First, bool Last, string EditPath);

/// <summary>What a delete page shows (_DeletePrompt.cshtml): the question, and either why not or the button.</summary>
public sealed record DeletePrompt(string Caption, string Question, string? Refusal, string Consequence, string Button, Guid Version, string BackPath);
