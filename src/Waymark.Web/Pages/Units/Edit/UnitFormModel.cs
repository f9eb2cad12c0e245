using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

/// <summary>The unit form (new and change): its fields, bound as the editor's input, and the lists to choose from.</summary>
public abstract class UnitFormModel(OrganisationScope scope, FrameworkChoiceQueries queries) : EditorPageModel(scope)
{
    [BindProperty]
    public UnitInput Input { get; set; } = new(null, null, null, null, null);

    public StructureChoices Choices { get; private set; } = null!;

    /// <summary>The unit being changed (null on the new-unit page).</summary>
    public int? EditingId { get; protected set; }

    protected async Task LoadChoicesAsync() => Choices = await StructureChoices.LoadAsync(queries, HttpContext.RequestAborted);
}
