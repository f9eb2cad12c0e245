using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Admin.PlanTemplates;

/// <summary>The sections every new plan starts with, in order, with the guidance shown to whoever writes each.</summary>
public class SectionsModel(OrganisationScope scope, PlanTemplateEditor editor) : PlanTemplateListModel<SectionTemplate>(scope, editor)
{
    protected override Task<List<SectionTemplate>> ListAsync(CancellationToken ct) => Editor.SectionsAsync(ct);

    protected override Task<EditResult<SectionTemplate>> MoveAsync(Actor? actor, int id, Guid version, bool up, CancellationToken ct) =>
        Editor.MoveSectionAsync(actor, id, version, up, ct);

    internal override string NameOf(SectionTemplate entry) => entry.Heading;
}
