using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>The plan types and section template pages' shared parts: the editor, where the lists are, and the outcome banner.</summary>
public abstract class PlanTemplatePageModel(OrganisationScope scope, PlanTemplateEditor editor) : EditorPageModel(scope)
{
    protected PlanTemplateEditor Editor => editor;

    public string TypesPath => $"{OrgPath}/admin/plan-types";

    public string SectionsPath => $"{OrgPath}/admin/plan-sections";

    /// <summary>The id of a list on its page, which the error summary links to when an entry has gone.</summary>
    public const string ListId = "entries";

    [TempData]
    public string? Notification { get; set; }

    /// <summary>The id of an entry's row in a list, which the error summary links to.</summary>
    public static string RowId(int id) => FormattableString.Invariant($"entry-{id}");

    /// <summary>The answer for the outcomes every form shares (its errors shown by their fields); null for the others, which each page handles.</summary>
    protected IActionResult? Stop<T>(EditResult<T> result)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var (field, message) in result.Errors)
        {
            Errors[field] = message;
        }

        return result.Outcome switch
        {
            EditOutcome.NotFound => NotFound(),
            EditOutcome.Forbidden => Deny(result.Reason!),
            EditOutcome.Invalid => Page(),
            _ => null,
        };
    }
}

/// <summary>
/// A list in its order, with a form per entry to move it up or down (no script needed). An organisation that has
/// no list yet gets the defaults saved when the list is first shown (<see cref="PlanTemplateEditor.EnsureDefaultsAsync"/>):
/// that changes nothing anyone sees, as new plans and forms already use the defaults, and it gives every row shown a
/// record, with a version, to change, move or delete. Only those who may manage the lists reach this page.
/// </summary>
public abstract class PlanTemplateListModel<T>(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel(scope, editor)
    where T : class, IPlanTemplateEntry
{
    public IReadOnlyList<T> Entries { get; private set; } = [];

    protected abstract Task<List<T>> ListAsync(CancellationToken ct);

    protected abstract Task<EditResult<T>> MoveAsync(Actor? actor, int id, Guid version, bool up, CancellationToken ct);

    internal abstract string NameOf(T entry);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Editor.EnsureDefaultsAsync(await LoadActorAsync(ct), ct);
        Entries = await ListAsync(ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, string? direction, CancellationToken ct)
    {
        var up = direction == "up";
        var result = await MoveAsync(await LoadActorAsync(ct), id, Version, up, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                Notification = $"\u201c{NameOf(result.Record!)}\u201d has been moved {(up ? "up" : "down")}";
                return RedirectToPage();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            case EditOutcome.Conflict:
                Errors[RowId(id)] = $"Someone else changed \u201c{NameOf(result.Record!)}\u201d after this page was shown, so it has not been moved. "
                    + "The list below is as it is now: move it again if you still want to";
                break;
            default:
                Errors[ListId] = "That entry is no longer in the list: someone else has deleted it. The list below is as it is now";
                break;
        }

        Entries = await ListAsync(ct);
        return Page();
    }
}

/// <summary>The page that asks to confirm a deletion, or says why the entry cannot be deleted.</summary>
public abstract class PlanTemplateDeleteModel<T>(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel(scope, editor)
    where T : class, IPlanTemplateEntry
{
    public T? Entry { get; private set; }

    public abstract string ListPath { get; }

    /// <summary>"plan type", "section".</summary>
    public abstract string Kind { get; }

    internal abstract string NameOf(T entry);

    protected abstract Task<T?> FindAsync(int id, CancellationToken ct);

    protected abstract Task<string?> WhyNotAsync(T entry, CancellationToken ct);

    protected abstract Task<EditResult<T>> DeleteAsync(Actor? actor, int id, Guid version, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Entry = await FindAsync(id, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        Version = Entry.Version;
        Refusal = await WhyNotAsync(Entry, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Entry = await FindAsync(id, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        var result = await DeleteAsync(await LoadActorAsync(ct), id, Version, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                Notification = $"\u201c{NameOf(Entry)}\u201d has been deleted";
                return Redirect(ListPath);
            case EditOutcome.Conflict:
                Refusal = $"Someone else changed this {Kind} after you opened this page, so it has not been deleted. Check it, then delete it again if you still mean to.";
                return Page();
            case EditOutcome.Refused:
                Refusal = result.Reason;
                return Page();
            default:
                return Stop(result) ?? Page();
        }
    }
}

/// <summary>Adding an entry at the end of a list: the page's fields go to <see cref="AddAsync"/>.</summary>
public abstract class PlanTemplateNewModel<T>(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel(scope, editor)
    where T : class, IPlanTemplateEntry
{
    protected abstract string ListPath { get; }

    protected abstract Task<EditResult<T>> AddAsync(Actor? actor, CancellationToken ct);

    protected abstract string Added(T entry);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await AddAsync(await LoadActorAsync(ct), ct);
        if (result.Outcome != EditOutcome.Done)
        {
            return Stop(result) ?? Page();
        }

        Notification = Added(result.Record!);
        return Redirect(ListPath);
    }
}

/// <summary>Changing an entry (its key stays): shows what someone else saved meanwhile beside what was entered.</summary>
public abstract class PlanTemplateEditModel<T>(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplatePageModel(scope, editor)
    where T : class, IPlanTemplateEntry
{
    public T? Saved { get; private set; }

    protected abstract string ListPath { get; }

    protected abstract Task<T?> FindAsync(int id, CancellationToken ct);

    /// <summary>Fills the form with the saved entry.</summary>
    protected abstract void Show(T saved);

    protected abstract Task<EditResult<T>> SaveAsync(Actor? actor, int id, Guid version, CancellationToken ct);

    protected abstract IReadOnlyList<ConflictRow> Differences(T saved);

    protected abstract string Done(T saved);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Saved = await FindAsync(id, ct);
        if (Saved is null)
        {
            return NotFound();
        }

        Show(Saved);
        Version = Saved.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Saved = await FindAsync(id, ct);
        if (Saved is null)
        {
            return NotFound();
        }

        var result = await SaveAsync(await LoadActorAsync(ct), id, Version, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                Notification = Done(result.Record!);
                return Redirect(ListPath);
            case EditOutcome.Conflict:
                Saved = result.Record!;
                Conflict = Differences(Saved);
                Version = Saved.Version;
                return Page();
            default:
                return Stop(result) ?? Page();
        }
    }
}

/// <summary>One entry's controls in a list (_EntryActions.cshtml): move up and down, change, delete.</summary>
public sealed record EntryActions(int Id, string Key, Guid Version, string Name, bool First, bool Last, string EditPath);

/// <summary>What a delete page shows (_DeletePrompt.cshtml): the question, and either why not or the button.</summary>
public sealed record DeletePrompt(string Caption, string Question, string? Refusal, string Consequence, string Button, Guid Version, string BackPath);
