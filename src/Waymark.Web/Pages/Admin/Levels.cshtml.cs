using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
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

/// <summary>What the organisation calls the levels of its framework; adding a level. Saves are audited by the DbContext.</summary>
public class LevelsModel(OrganisationScope scope, WaymarkDbContext db) : OrganisationPageModel(scope)
{
    public const int NameLength = 100;
    public const int DescriptionLength = 2000;

    [BindProperty]
    public List<LevelInput> Levels { get; set; } = [];

    [BindProperty]
    public LevelInput NewLevel { get; set; } = new();

    [TempData]
    public string? Notification { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Levels = await CurrentAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stored = await db.FrameworkLevels.ToDictionaryAsync(l => l.Id, ct);
        var current = await CurrentAsync(ct);
        if (Levels.Count != stored.Count || Levels.Any(l => !stored.ContainsKey(l.Id)))
        {
            // A level was added meanwhile (or the form was tampered with): show the levels as they are now.
            Errors["level-0-name"] = "The levels have changed since this page was shown. Check them and save again";
            Levels = current;
            return Page();
        }

        for (var i = 0; i < Levels.Count; i++)
        {
            Validate(Levels[i], $"level-{i}");
        }

        var stale = Levels.Select((input, i) => (input, i)).Where(x => stored[x.input.Id].Version != x.input.Version).ToList();
        foreach (var (input, i) in stale)
        {
            var now = stored[input.Id];
            Errors[$"level-{i}-name"] = $"Someone else changed this level while you were editing: it is now \u201c{now.Name}\u201d (\u201c{now.PluralName}\u201d)"
                + $"{(now.Description is { Length: > 0 } d ? $", described as \u201c{d}\u201d" : ", with no description")}. Your changes have not been saved yet: check them and save again";
            input.Version = now.Version;
        }

        KeepKeys(current);
        if (Errors.Count > 0)
        {
            return Page();
        }

        foreach (var input in Levels)
        {
            var level = stored[input.Id];
            level.Name = input.Name!.Trim();
            level.PluralName = input.PluralName!.Trim();
            level.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
            db.Entry(level).Property(l => l.Version).OriginalValue = input.Version;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            Errors["level-0-name"] = "Someone else changed the levels while you were saving. Check them and save again";
            Levels = await CurrentAsync(ct);
            return Page();
        }

        Notification = "The levels have been saved";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var existing = await db.FrameworkLevels.AsNoTracking().ToListAsync(ct);
        Validate(NewLevel, "new-level");
        if (NewLevel.Name is { } name && existing.Any(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            Errors["new-level-name"] = $"There is already a level called \u201c{name.Trim()}\u201d";
        }

        if (Errors.Count > 0)
        {
            Levels = await CurrentAsync(ct);
            return Page();
        }

        var level = new FrameworkLevel
        {
            OrganisationId = Organisation.Id,
            Key = UniqueKey(NewLevel.Name!, existing.Select(l => l.Key)),
            Name = NewLevel.Name!.Trim(),
            PluralName = NewLevel.PluralName!.Trim(),
            Description = string.IsNullOrWhiteSpace(NewLevel.Description) ? null : NewLevel.Description.Trim(),
            SortOrder = existing.Count == 0 ? 1 : existing.Max(l => l.SortOrder) + 1,
        };
        db.FrameworkLevels.Add(level);
        await db.SaveChangesAsync(ct);
        Notification = $"The level \u201c{level.Name}\u201d has been added";
        return RedirectToPage();
    }

    /// <summary>"Council action" → "council-action"; "-2", "-3" … when the organisation already has it.</summary>
    public static string UniqueKey(string name, IEnumerable<string> taken) => RecordKeys.Unique(name, taken, "level");

    private void Validate(LevelInput input, string prefix)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            Errors[$"{prefix}-name"] = "Enter the level's name";
        }
        else if (input.Name.Trim().Length > NameLength)
        {
            Errors[$"{prefix}-name"] = $"Name must be {NameLength} characters or fewer";
        }

        if (string.IsNullOrWhiteSpace(input.PluralName))
        {
            Errors[$"{prefix}-plural"] = "Enter the name for more than one, such as \u201cAims\u201d";
        }
        else if (input.PluralName.Trim().Length > NameLength)
        {
            Errors[$"{prefix}-plural"] = $"Plural must be {NameLength} characters or fewer";
        }

        if (input.Description is { } d && d.Trim().Length > DescriptionLength)
        {
            Errors[$"{prefix}-description"] = $"Description must be {DescriptionLength} characters or fewer";
        }
    }

    // Keys are shown, not posted: take them from the database for the re-shown form.
    private void KeepKeys(List<LevelInput> current)
    {
        foreach (var input in Levels)
        {
            input.Key = current.FirstOrDefault(c => c.Id == input.Id)?.Key;
        }
    }

    private async Task<List<LevelInput>> CurrentAsync(CancellationToken ct) =>
        await db.FrameworkLevels.AsNoTracking().OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new LevelInput { Id = l.Id, Key = l.Key, Name = l.Name, PluralName = l.PluralName, Description = l.Description, Version = l.Version })
            .ToListAsync(ct);
}
