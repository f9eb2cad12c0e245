using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>Taking a section out of the template (plans already started keep theirs).</summary>
public class SectionDeleteModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplateDeleteModel<SectionTemplate>(scope, editor)
{
    public override string ListPath => SectionsPath;

    public override string Kind => "section";

    internal override string NameOf(SectionTemplate entry) => entry.Heading;

    protected override Task<SectionTemplate?> FindAsync(int id, CancellationToken ct) => Editor.FindSectionAsync(id, ct);

    protected override Task<string?> WhyNotAsync(SectionTemplate entry, CancellationToken ct) => Editor.WhySectionCannotBeDeletedAsync(entry, ct);

    protected override Task<EditResult<SectionTemplate>> DeleteAsync(Actor? actor, int id, Guid version, CancellationToken ct) =>
        Editor.DeleteSectionAsync(actor, id, version, ct);
}
