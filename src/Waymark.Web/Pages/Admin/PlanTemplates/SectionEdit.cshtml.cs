using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Changing a section's heading and guidance (its key stays; plans already started keep their own sections).</summary>
public class SectionEditModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplateEditModel<SectionTemplate>(scope, editor)
{
    [BindProperty]
    public string? Heading { get; set; }

    [BindProperty]
    public string? Guidance { get; set; }

    protected override string ListPath => SectionsPath;

    protected override Task<SectionTemplate?> FindAsync(int id, CancellationToken ct) => Editor.FindSectionAsync(id, ct);

    protected override void Show(SectionTemplate saved) => (Heading, Guidance) = (saved.Heading, saved.Guidance);

    protected override Task<EditResult<SectionTemplate>> SaveAsync(Actor? actor, int id, Guid version, CancellationToken ct) =>
        Editor.UpdateSectionAsync(actor, id, version, new SectionTemplateInput(Heading, Guidance), ct);

    protected override IReadOnlyList<ConflictRow> Differences(SectionTemplate saved) =>
        ConflictRow.Differing(new("Heading", saved.Heading, Heading?.Trim()), new("Guidance", saved.Guidance, Guidance?.Trim()));

    protected override string Done(SectionTemplate saved) => $"The section \u201c{saved.Heading}\u201d has been saved";
}
