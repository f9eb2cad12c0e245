using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework.Edit;

public class EditModel(OrganisationScope scope, FrameworkEditor editor) : ObjectiveFormModel(scope, editor)
{
    /// <summary>"Council Action A1", "Supporting objective".</summary>
    public string Heading { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var entry = await Editor.FindAsync(id, ct);
        if (entry is null)
        {
            return NotFound();
        }

        Describe(entry);
        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanEditObjective(actor, entry.UnitId, entry.OwnerPostId, entry.OwnerPersonId))
        {
            return Deny(FrameworkEditor.WhyCannotEdit(actor, entry));
        }

        Fill(ObjectiveInput.From(entry, entry.Level!.Key, YearStartMonth));
        Version = entry.Version;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var entry = await Editor.FindAsync(id, ct);
        if (entry is null)
        {
            return NotFound();
        }

        Describe(entry);
        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanEditObjective(actor, entry.UnitId, entry.OwnerPostId, entry.OwnerPersonId))
        {
            return Deny(FrameworkEditor.WhyCannotEdit(actor, entry));
        }

        AddBindingErrors();
        if (Errors.Count > 0)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        var result = await Editor.UpdateAsync(actor, id, Version, Input, YearStartMonth, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                return Redirect($"{OrgPath}/framework/{id}");
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            case EditOutcome.Conflict:
                await LoadChoicesAsync(ct);
                var current = result.Record!;
                Conflict = Compare(ObjectiveInput.From(current, current.Level!.Key, YearStartMonth), Input);
                // Saving again now is a deliberate choice, made having seen what the other person saved.
                Version = current.Version;
                return Page();
            default:
                foreach (var (field, message) in result.Errors)
                {
                    Errors[field] = message;
                }

                await LoadChoicesAsync(ct);
                return Page();
        }
    }

    private void Describe(Objective entry)
    {
        EditingId = entry.Id;
        Heading = string.IsNullOrWhiteSpace(entry.Reference) ? entry.Level!.Name.ToLowerInvariant() : $"{entry.Level!.Name} {entry.Reference}";
    }
}
