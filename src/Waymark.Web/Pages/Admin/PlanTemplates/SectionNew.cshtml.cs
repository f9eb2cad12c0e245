using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Adding a section at the end of the template.</summary>
public class SectionNewModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplateNewModel<SectionTemplate>(scope, editor)
{
    [BindProperty]
    public string? Heading { get; set; }

    [BindProperty]
    public string? Guidance { get; set; }

    [BindProperty]
    public string? Key { get; set; }

    protected override string ListPath => SectionsPath;

    protected override Task<EditResult<SectionTemplate>> AddAsync(Actor? actor, CancellationToken ct) =>
        Editor.AddSectionAsync(actor, new SectionTemplateInput(Heading, Guidance, Key), ct);

    protected override string Added(SectionTemplate entry) => $"The section \u201c{entry.Heading}\u201d has been added to the template";
}
