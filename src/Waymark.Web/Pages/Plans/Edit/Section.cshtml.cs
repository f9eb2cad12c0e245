using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>Writes one section of a draft plan: its heading and Markdown text, guarded by the section's version.</summary>
public class SectionModel(OrganisationScope scope, PlanEditor editor, PlanSectionEditor sections, WaymarkDbContext db) : PlanEditPageModel(scope, editor)
{
    [BindProperty]
    public SectionInput Input { get; set; } = new(null, null);

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

        Input = new SectionInput(Section.Heading, Section.Body);
        Version = Section.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int sectionId, CancellationToken ct)
    {
        if (await LoadAsync(id, sectionId, ct) is { } stop)
        {
            return stop;
        }

        return await AnswerAsync(await sections.UpdateSectionAsync(Actor, id, sectionId, Version, Input, ct), () => Redirect($"{PlanPath}#section-{sectionId}"),
            differences: saved => ConflictRow.Differing(new ConflictRow("Heading", saved.Heading, Input.Heading), new ConflictRow("Text", saved.Body, Input.Body)));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int sectionId, CancellationToken ct)
    {
        if (await LoadAsync(id, sectionId, ct) is { } stop)
        {
            return stop;
        }

        return await AnswerAsync(await sections.DeleteSectionAsync(Actor, id, sectionId, ct), () => Redirect(PlanPath));
    }

    private async Task<IActionResult?> LoadAsync(int id, int sectionId, CancellationToken ct)
    {
        var (section, stop) = await OpenAsync(id, actor => sections.OpenAsync(actor, id, sectionId, ct), ct);
        if (section is null)
        {
            return stop;
        }

        Section = section;
        Guidance = await db.SectionTemplates.AsNoTracking().Where(t => t.Key == section.Key).Select(t => t.Guidance).FirstOrDefaultAsync(ct);
        return null;
    }
}
