using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Framework;

/// <summary>One level as the levels form sends it back: its names, and the version the form showed.</summary>
public sealed record LevelChange(int Id, string? Name, string? PluralName, string? Description, Guid Version);

public sealed record NewLevelInput(string? Name, string? PluralName, string? Description);

/// <summary>
/// Renames the organisation's framework levels (all at once, as the form shows them) and adds levels: for those
/// <see cref="Permissions.CanManageLevels"/> allows; validated; stale versions refused; audited by the DbContext.
/// Errors are reported against the form's ids: "level-0-name", "new-level-plural".
/// </summary>
public sealed class FrameworkLevelEditor(WaymarkDbContext db)
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;

    public const string NotAllowed = "Only administrators and performance officers can change the framework's levels.";

    /// <summary>Said when the form's levels are not the organisation's levels now (one added meanwhile, or a damaged form).</summary>
    public const string LevelsChanged = "The levels have changed since this page was shown. Check them and save again";

    /// <summary>The levels as saved now, in order, untracked.</summary>
    public async Task<IReadOnlyList<FrameworkLevel>> CurrentAsync(CancellationToken ct = default) =>
        await db.FrameworkLevels.AsNoTracking().OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync(ct);

    /// <summary>
    /// Saves every level's names, if each is still at the version the form showed; a level changed meanwhile is an
    /// error against that level, saying what it is now.
    /// </summary>
    public async Task<EditResult<IReadOnlyList<FrameworkLevel>>> SaveAsync(Actor? actor, IReadOnlyList<LevelChange> levels, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (!Permissions.CanManageLevels(actor))
        {
            return EditResult<IReadOnlyList<FrameworkLevel>>.Forbidden(NotAllowed);
        }

        var stored = await db.FrameworkLevels.ToDictionaryAsync(l => l.Id, ct);
        if (levels.Count != stored.Count || levels.Any(l => !stored.ContainsKey(l.Id)))
        {
            return EditResult<IReadOnlyList<FrameworkLevel>>.Refused(LevelsChanged);
        }

        // A level changed meanwhile is said first: its other messages may no longer apply.
        var fields = new FieldReader();
        for (var i = 0; i < levels.Count; i++)
        {
            if (stored[levels[i].Id] is var now && now.Version != levels[i].Version)
            {
                fields.Fail($"level-{i}-name", $"Someone else changed this level while you were editing: it is now \u201c{now.Name}\u201d (\u201c{now.PluralName}\u201d)"
                    + $"{(now.Description is { Length: > 0 } d ? $", described as \u201c{d}\u201d" : ", with no description")}. Your changes have not been saved yet: check them and save again");
            }
        }

        for (var i = 0; i < levels.Count; i++)
        {
            Read(fields, levels[i].Name, levels[i].PluralName, levels[i].Description, $"level-{i}");
        }

        if (fields.HasErrors)
        {
            return EditResult<IReadOnlyList<FrameworkLevel>>.Invalid(fields.Errors);
        }

        foreach (var input in levels)
        {
            var level = stored[input.Id];
            level.Name = input.Name!.Trim();
            level.PluralName = input.PluralName!.Trim();
            level.Description = FieldReader.Clean(input.Description);
            db.Entry(level).Property(l => l.Version).OriginalValue = input.Version;
        }

        // Each level carries its own version; a change saved between the check above and this save refuses the lot.
        return await db.SaveAsync<IReadOnlyList<FrameworkLevel>>(stored.Values.ToList(), async c => await CurrentAsync(c), ct);
    }

    public async Task<EditResult<FrameworkLevel>> AddAsync(Actor? actor, NewLevelInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageLevels(actor))
        {
            return EditResult<FrameworkLevel>.Forbidden(NotAllowed);
        }

        var existing = await db.FrameworkLevels.AsNoTracking().ToListAsync(ct);
        var fields = new FieldReader();
        Read(fields, input.Name, input.PluralName, input.Description, "new-level");
        if (FieldReader.Clean(input.Name) is { } name && existing.Any(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            fields.Fail("new-level-name", $"There is already a level called \u201c{name}\u201d");
        }

        if (fields.HasErrors)
        {
            return EditResult<FrameworkLevel>.Invalid(fields.Errors);
        }

        var level = new FrameworkLevel
        {
            OrganisationId = db.Scope.RequireId(),
            Key = UniqueKey(input.Name!, existing.Select(l => l.Key)),
            Name = input.Name!.Trim(),
            PluralName = input.PluralName!.Trim(),
            Description = FieldReader.Clean(input.Description),
            SortOrder = existing.Count == 0 ? 1 : existing.Max(l => l.SortOrder) + 1,
        };
        db.FrameworkLevels.Add(level);
        return await db.SaveAsync(level, c => db.FrameworkLevels.AsNoTracking().SingleOrDefaultAsync(l => l.Id == level.Id, c), ct);
    }

    /// <summary>"Council action" → "council-action"; "-2", "-3" … when the organisation already has it.</summary>
    public static string UniqueKey(string name, IEnumerable<string> taken) => RecordKeys.Unique(name, taken, "level");

    private static void Read(FieldReader fields, string? name, string? pluralName, string? description, string prefix)
    {
        if (FieldReader.Clean(name) is null)
        {
            fields.Fail($"{prefix}-name", "Enter the level's name");
        }

        fields.Text(name, $"{prefix}-name", "name", NameMaxLength);
        if (FieldReader.Clean(pluralName) is null)
        {
            fields.Fail($"{prefix}-plural", "Enter the name for more than one, such as \u201cAims\u201d");
        }

        fields.Text(pluralName, $"{prefix}-plural", "plural", NameMaxLength);
        fields.Text(description, $"{prefix}-description", "description", DescriptionMaxLength);
    }
}
