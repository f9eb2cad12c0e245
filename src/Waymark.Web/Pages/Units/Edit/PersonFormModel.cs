using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

/// <summary>The person form (new and change): its fields, bound as the editor's input, and the units to choose from.</summary>
public abstract class PersonFormModel(OrganisationScope scope, PersonEditor editor, FrameworkChoiceQueries queries) : EditorPageModel(scope)
{
    protected PersonEditor Editor { get; } = editor;

    [BindProperty]
    public PersonInput Input { get; set; } = new(null, null, null);

    public StructureChoices Choices { get; private set; } = null!;

    protected async Task LoadChoicesAsync() => Choices = await StructureChoices.LoadAsync(queries, HttpContext.RequestAborted);
}
