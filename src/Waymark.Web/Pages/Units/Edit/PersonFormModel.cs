using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

public abstract class PersonFormModel(OrganisationScope scope, StructureEditor editor, FrameworkEditor framework) : StructureFormModel(scope, editor, framework)
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public PersonKind? Kind { get; set; }
    [BindProperty] public int? UnitId { get; set; }

    public string? IdText(int? id) => Id(id);

    protected PersonInput Input => new(Name, Kind, UnitId);
}
