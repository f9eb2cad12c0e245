using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public abstract class UnitFormModel(OrganisationScope scope, StructureEditor editor, FrameworkEditor framework) : StructureFormModel(scope, editor, framework)
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public int? HeadPostId { get; set; }

    /// <summary>The unit being changed (null on the new-unit page).</summary>
    public int? EditingId { get; protected set; }

    public string? IdText(int? id) => Id(id);

    public IReadOnlyList<SelectOption> HeadPostOptions => Choices.Posts.Where(p => p.UnitId == EditingId)
        .Select(p => new SelectOption(Id(p.Id)!, $"{p.Title} ({p.HolderName ?? "vacant"})")).ToList();

    protected UnitInput Input => new(ParentId, Name, Kind, Description, HeadPostId);
}
