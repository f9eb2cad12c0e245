using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Web.Pages.Units.Edit;

/// <summary>The structure pages' shared parts: the editor, the lists to choose from, and turning a result into a page.</summary>
public abstract class StructureFormModel(OrganisationScope scope, StructureEditor editor, FrameworkEditor framework) : EditorPageModel(scope)
{
    protected StructureEditor Editor { get; } = editor;

    public FrameworkChoices Choices { get; private set; } = null!;

    protected async Task LoadChoicesAsync(CancellationToken ct) => Choices = await framework.ChoicesAsync(ct);

    protected static string? Id(int? id) => id?.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyList<SelectOption> UnitOptions(int? except = null) =>
        Choices.Units.Where(u => u.Id != except).Select(u => new SelectOption(Id(u.Id)!, u.Path)).ToList();

    public IReadOnlyList<SelectOption> PersonOptions(PersonKind? only = null) =>
        Choices.People.Where(p => only is null || p.Kind == only)
            .Select(p => new SelectOption(Id(p.Id)!, p.Name, only is null ? (p.Kind == PersonKind.Councillor ? "Councillors" : "Officers") : null)).ToList();

    /// <summary>Copies a failed result's field errors to the page; true when there were any.</summary>
    protected bool TakeErrors<T>(EditResult<T> result)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var (field, message) in result.Errors)
        {
            Errors[field] = message;
        }

        return result.Errors.Count > 0;
    }
}
