using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework.Edit;

/// <summary>The fields of a framework entry's form (new and change), bound as the editor's input, with their choices.</summary>
public abstract class ObjectiveFormModel(OrganisationScope scope, FrameworkEditor editor, FrameworkChoiceQueries queries) : EditorPageModel(scope)
{
    protected FrameworkEditor Editor { get; } = editor;

    [BindProperty]
    public ObjectiveInput Input { get; set; } = new(null, null, null, null, null, null, null, null, null, null);

    public FrameworkChoices Choices { get; private set; } = null!;

    /// <summary>The entry being changed (null on the new-entry page).</summary>
    public int? EditingId { get; protected set; }

    protected async Task LoadChoicesAsync() => Choices = await queries.ChoicesAsync(HttpContext.RequestAborted);

    // The form fields keep the names they have always had (the input's property names), so posted forms bind to Input.
    public SelectInput LevelSelect => new(ObjectiveFields.Level, "Level", "Level", Input.Level, Errors.GetValueOrDefault(ObjectiveFields.Level),
        Choices.Levels.Select(l => new SelectOption(l.Key, l.Name)).ToList())
    { EmptyText = "Choose a level" };

    public SelectInput ParentSelect => new(ObjectiveFields.ParentId, "ParentId", "Sits beneath", Id(Input.ParentId), Errors.GetValueOrDefault(ObjectiveFields.ParentId),
        Choices.Objectives.Where(o => o.Id != EditingId).Select(o => new SelectOption(Id(o.Id)!, ShortLabel(o.Reference, o.Title), o.LevelName)).ToList())
    { EmptyText = "Nothing: it is at the top of the framework", Hint = "Choose another entry to move this one there." };

    public SelectInput UnitSelect => new(ObjectiveFields.UnitId, "UnitId", "Unit", Id(Input.UnitId), Errors.GetValueOrDefault(ObjectiveFields.UnitId),
        Choices.Units.Select(u => new SelectOption(Id(u.Id)!, u.Path)).ToList())
    { EmptyText = "No unit (the whole council)", Hint = "The service area or team the entry belongs to." };

    public SelectInput OwnerPostSelect => new(ObjectiveFields.OwnerPostId, "OwnerPostId", "Owner: a post", Id(Input.OwnerPostId), Errors.GetValueOrDefault(ObjectiveFields.OwnerPostId),
        Choices.Posts.Select(p => new SelectOption(Id(p.Id)!, $"{p.Title} ({p.HolderName ?? "vacant"})", p.UnitName)).ToList())
    { EmptyText = "No post", Hint = "Choose a post or a person, not both. A post still owns the entry when the person in it changes." };

    public SelectInput OwnerPersonSelect => new(ObjectiveFields.OwnerPersonId, "OwnerPersonId", "Owner: a person", Id(Input.OwnerPersonId), Errors.GetValueOrDefault(ObjectiveFields.OwnerPersonId),
        Choices.People.Select(p => new SelectOption(Id(p.Id)!, p.Name, p.Kind == Core.Units.PersonKind.Councillor ? "Councillors" : "Officers")).ToList())
    { EmptyText = "No person" };

    /// <summary>The saved record beside the person's input, field by field, in words.</summary>
    protected IReadOnlyList<ConflictRow> Compare(ObjectiveInput saved, ObjectiveInput mine)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(mine);
        string? LevelName(string? key) => Choices.Levels.FirstOrDefault(l => l.Key == key)?.Name ?? key;
        string? Entry(int? id) => Choices.Objectives.FirstOrDefault(o => o.Id == id) is { } o ? ShortLabel(o.Reference, o.Title) : null;
        string? Unit(int? id) => Choices.Units.FirstOrDefault(u => u.Id == id)?.Path;
        string? Post(int? id) => Choices.Posts.FirstOrDefault(p => p.Id == id)?.Title;
        string? Person(int? id) => Choices.People.FirstOrDefault(p => p.Id == id)?.Name;
        return ConflictRow.Differing(
            new("Level", LevelName(saved.Level), LevelName(mine.Level)),
            new("Sits beneath", Entry(saved.ParentId), Entry(mine.ParentId)),
            new("Reference", saved.Reference, mine.Reference?.Trim()),
            new("Title", saved.Title, mine.Title?.Trim()),
            new("Description", saved.Description, mine.Description?.Trim()),
            new("Unit", Unit(saved.UnitId), Unit(mine.UnitId)),
            new("Owner: a post", Post(saved.OwnerPostId), Post(mine.OwnerPostId)),
            new("Owner: a person", Person(saved.OwnerPersonId), Person(mine.OwnerPersonId)),
            new("Start year", saved.Start, mine.Start?.Trim()),
            new("End year", saved.End, mine.End?.Trim()));
    }

    public static string ShortLabel(string? reference, string title)
    {
        var label = string.IsNullOrWhiteSpace(reference) ? title : $"{reference} {title}";
        return label.Length <= 100 ? label : label[..99] + "…";
    }

    private static string? Id(int? id) => id?.ToString(CultureInfo.InvariantCulture);
}
