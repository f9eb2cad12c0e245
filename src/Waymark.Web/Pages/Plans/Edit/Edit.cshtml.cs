using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>Changes a draft plan's facts, guarded by its version.</summary>
public class EditModel(OrganisationScope scope, PlanEditor editor, FrameworkChoiceQueries framework, WaymarkDbContext db)
    : PlanFormModel(scope, editor, framework, db)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadPlanAsync(id, ct) is { } stop)
        {
            return stop;
        }

        await LoadChoicesAsync(ct);
        Fill(Plan);
        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadPlanAsync(id, ct) is { } stop)
        {
            return stop;
        }

        await LoadChoicesAsync(ct);
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var result = await Editor.UpdateAsync(Actor, id, Version, Input, ct);
        if (result.Outcome == EditOutcome.Conflict)
        {
            Conflict = Compare(result.Record!);
            // Saving again now is a deliberate choice, made having seen what the other person saved.
            Version = result.Record!.Version;
            return Page();
        }

        return Stop(result) ?? Redirect(PlanPath);
    }
}
