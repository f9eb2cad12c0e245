using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Units;

namespace Waymark.Core.Framework;

public sealed record ChoiceObjective(int Id, string? Reference, string Title, string LevelName, int LevelSortOrder, int? UnitId);

/// <summary>A unit to choose, with its place: "Community and Customer Services › Partnerships".</summary>
public sealed record ChoiceUnit(int Id, string Name, int Depth, string Path);

public sealed record ChoicePost(int Id, string Title, string? HolderName, int UnitId, string UnitName);

public sealed record ChoicePerson(int Id, string Name, PersonKind Kind);

/// <summary>Everything an entry's form offers to choose from, in the order to show it.</summary>
public sealed record FrameworkChoices(
    IReadOnlyList<FrameworkLevel> Levels, IReadOnlyList<ChoiceObjective> Objectives, IReadOnlyList<ChoiceUnit> Units,
    IReadOnlyList<ChoicePost> Posts, IReadOnlyList<ChoicePerson> People);

/// <summary>The lists the forms of the framework, the structure, indicators and plans offer to choose from.</summary>
public sealed class FrameworkChoiceQueries(WaymarkDbContext db)
{
    public async Task<FrameworkChoices> ChoicesAsync(CancellationToken ct = default)
    {
        var levels = await db.FrameworkLevels.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking()
            .OrderBy(o => o.Level!.SortOrder).ThenBy(o => o.SortOrder).ThenBy(o => o.Reference).ThenBy(o => o.Id)
            .Select(o => new ChoiceObjective(o.Id, o.Reference, o.Title, o.Level!.Name, o.Level.SortOrder, o.UnitId))
            .ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.ParentId, u.Name }).ToListAsync(ct);
        var byParent = units.ToLookup(u => u.ParentId);
        var orderedUnits = new List<ChoiceUnit>();
        void Walk(int? parent, int depth, string prefix)
        {
            foreach (var u in byParent[parent])
            {
                if (depth < 50)
                {
                    var path = prefix + u.Name;
                    orderedUnits.Add(new ChoiceUnit(u.Id, u.Name, depth, path));
                    Walk(u.Id, depth + 1, path + " › ");
                }
            }
        }

        Walk(null, 0, "");
        var posts = await db.Posts.AsNoTracking().OrderBy(p => p.Unit!.Name).ThenBy(p => p.SortOrder).ThenBy(p => p.Title)
            .Select(p => new ChoicePost(p.Id, p.Title, p.Holder == null ? null : p.Holder.Name, p.UnitId, p.Unit!.Name))
            .ToListAsync(ct);
        var people = await db.People.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Name)
            .Select(p => new ChoicePerson(p.Id, p.Name, p.Kind)).ToListAsync(ct);
        return new FrameworkChoices(levels, objectives, orderedUnits, posts, people);
    }
}
