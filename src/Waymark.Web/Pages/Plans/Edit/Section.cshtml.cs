using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>Writes one section of a draft plan: its heading and Markdown text, guarded by the section's version.</summary>
public class SectionModel(OrganisationScope scope, PlanEditor editor, WaymarkDbContext db) : PlanEditPageModel(scope, editor)
{
    [BindProperty]
    public string? Heading { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public PlanSection Section { get; private set; } = null!;

    /// <summary>The template's one line of guidance for this section, if it came from the template.</summary>
    public string? Guidance { get; private set; }

    public const string MarkdownHint =
        "Leave a blank line between paragraphs. Start a line with “- ” for a bulleted list, or “1. ” for a numbered list. "
        + "Put **two stars** round words for bold, and write a link as [words](https://example.org). HTML is shown as written, not run.";

    public async Task<IActionResult> OnGetAsync(int id, int sectionId, CancellationToken ct)
    {
        if (await LoadAsync(id, sectionId, ct) is { } stop)
        {
            return stop;
        }

        Heading = Section.Heading;
        Body = Section.Body;
        Version = Section.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int sectionId, CancellationToken ct)
    {
        if (await LoadAsync(id, sectionId, ct) is { } stop)
        {
            return stop;
        }

        var result = await Editor.UpdateSectionAsync(Actor, id, sectionId, Version, new SectionInput(Heading, Body), ct);
        if (result.Outcome == EditOutcome.Conflict)
        {
            var saved = result.Record!;
            Conflict = ConflictRow.Differing(new ConflictRow("Heading", saved.Heading, Heading), new ConflictRow("Text", saved.Body, Body));
            Version = saved.Version;
            return Page();
        }

        return Stop(result) ?? Redirect($"{PlanPath}#section-{sectionId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int sectionId, CancellationToken ct)
    {
        if (await LoadAsync(id, sectionId, ct) is { } stop)
        {
            return stop;
        }

        var result = await Editor.DeleteSectionAsync(Actor, id, sectionId, ct);
        return Stop(result) ?? Redirect(PlanPath);
    }

    private async Task<IActionResult?> LoadAsync(int id, int sectionId, CancellationToken ct)
    {
        if (await LoadPlanAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var section = await db.PlanSections.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sectionId && s.PlanId == id, ct);
        if (section is null)
        {
            return NotFound();
        }

        Section = section;
        Guidance = await db.SectionTemplates.AsNoTracking().Where(t => t.Key == section.Key).Select(t => t.Guidance).FirstOrDefaultAsync(ct);
        return null;
    }
}
