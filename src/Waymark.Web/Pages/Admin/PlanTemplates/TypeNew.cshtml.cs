using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Adding a plan type at the end of the list.</summary>
public class TypeNewModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplateNewModel<PlanType>(scope, editor)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Key { get; set; }

    protected override string ListPath => TypesPath;

    protected override Task<EditResult<PlanType>> AddAsync(Actor? actor, CancellationToken ct) => Editor.AddTypeAsync(actor, new PlanTypeInput(Name, Key), ct);

    protected override string Added(PlanType entry) => $"The plan type \u201c{entry.Name}\u201d has been added";
}
