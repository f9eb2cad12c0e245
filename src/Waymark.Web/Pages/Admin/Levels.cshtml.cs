using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Admin;

/// <summary>One level as the form shows it and posts it back.</summary>
public sealed class LevelInput
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public string? PluralName { get; set; }
    public string? Description { get; set; }
    public Guid Version { get; set; }

    /// <summary>The level's key, for reading only (it never changes: data files and the API use it).</summary>
    public string? Key { get; set; }
}

/// <summary>What the organisation calls the levels of its framework; adding a level. Saved by <see cref="FrameworkLevelEditor"/>.</summary>
public class LevelsModel(OrganisationScope scope, FrameworkLevelEditor editor) : EditorPageModel(scope)
{
    public const int NameLength = FrameworkLevelEditor.NameMaxLength;
    public const int DescriptionLength = FrameworkLevelEditor.DescriptionMaxLength;

    [BindProperty]
    public List<LevelInput> Levels { get; set; } = [];

    [BindProperty]
    public LevelInput NewLevel { get; set; } = new();

    [TempData]
    public string? Notification { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Levels = Show(await editor.CurrentAsync(ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var changes = Levels.Select(l => new LevelChange(l.Id, l.Name, l.PluralName, l.Description, l.Version)).ToList();
        var result = await editor.SaveAsync(await LoadActorAsync(ct), changes, ct);
        return await AnswerAsync(result, () =>
        {
            Notification = "The levels have been saved";
            return RedirectToPage();
        }, () => ReshowAsync(ct), _ =>
        {
            Errors["level-0-name"] = "Someone else changed the levels while you were saving. Check them and save again";
            return [];
        });
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await editor.AddAsync(await LoadActorAsync(ct), new(NewLevel.Name, NewLevel.PluralName, NewLevel.Description), ct);
        return await AnswerAsync(result, level =>
        {
            Notification = $"The level \u201c{level.Name}\u201d has been added";
            return RedirectToPage();
        }, async () => Levels = Show(await editor.CurrentAsync(ct)));
    }

    /// <summary>"Council action" → "council-action"; "-2", "-3" … when the organisation already has it.</summary>
    public static string UniqueKey(string name, IEnumerable<string> taken) => FrameworkLevelEditor.UniqueKey(name, taken);

    /// <summary>The levels' set changed or a save met someone else's: the error goes against the first level's name.</summary>
    protected override void ShowRefusal(string reason) => Errors["level-0-name"] = reason;

    /// <summary>
    /// The form again: the levels as they are now when the set changed or a save met someone else's; otherwise the
    /// input kept, with each key from the database (keys are shown, not posted) and, for a level someone else changed,
    /// its new version, so that saving again is a deliberate choice made having seen it.
    /// </summary>
    private async Task ReshowAsync(CancellationToken ct)
    {
        var current = await editor.CurrentAsync(ct);
        if (Conflict is not null || Errors.GetValueOrDefault("level-0-name") == FrameworkLevelEditor.LevelsChanged)
        {
            Levels = Show(current);
            return;
        }

        foreach (var input in Levels)
        {
            var now = current.FirstOrDefault(c => c.Id == input.Id);
            input.Key = now?.Key;
            input.Version = now?.Version ?? input.Version;
        }
    }

    private static List<LevelInput> Show(IReadOnlyList<FrameworkLevel> levels) =>
        levels.Select(l => new LevelInput { Id = l.Id, Key = l.Key, Name = l.Name, PluralName = l.PluralName, Description = l.Description, Version = l.Version }).ToList();
}
