using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Renaming a plan type (its key stays).</summary>
public class TypeEditModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplateEditModel<PlanType>(scope, editor)
{
    [BindProperty]
    public string? Name { get; set; }

    protected override string ListPath => TypesPath;

    protected override Task<PlanType?> FindAsync(int id, CancellationToken ct) => Editor.FindTypeAsync(id, ct);

    protected override void Show(PlanType saved) => Name = saved.Name;

    protected override Task<EditResult<PlanType>> SaveAsync(Actor? actor, int id, Guid version, CancellationToken ct) =>
        Editor.RenameTypeAsync(actor, id, version, new PlanTypeInput(Name), ct);

    protected override IReadOnlyList<ConflictRow> Differences(PlanType saved) => ConflictRow.Differing(new ConflictRow("Name", saved.Name, Name?.Trim()));

    protected override string Done(PlanType saved) => $"The plan type \u201c{saved.Name}\u201d has been saved";
}
