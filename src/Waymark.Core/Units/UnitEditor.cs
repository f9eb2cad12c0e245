using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Units;

public sealed record UnitInput(int? ParentId, string? Name, string? Kind, string? Description, int? HeadPostId);

/// <summary>
/// Adds, changes and deletes the organisation's units for pages and the API alike: only for those
/// <see cref="Permissions.CanManageStructure"/> allows; validated; stale versions refused; every save audited by the
/// DbContext. Posts and people have their own editors (<see cref="PostEditor"/>, <see cref="PersonEditor"/>).
/// </summary>
public sealed class UnitEditor(WaymarkDbContext db)
{
    public const int NameMaxLength = 200;
    public const int KindMaxLength = 60;
    public const int DescriptionMaxLength = 4000;

    public const string NotAllowed = "Only administrators can change the organisation's structure: its units, posts, people and portfolio holders.";

    /// <summary>Whether the actor may change the structure at all: the pages offer the links only then.</summary>
    public static bool MayChange(Actor? actor) => Permissions.CanManageStructure(actor);

    /// <summary>The check a page makes before showing a unit's form: the unit (untracked), if it exists and the actor may change it.</summary>
    public async Task<EditResult<Unit>> OpenAsync(Actor? actor, int id, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        return unit is null ? EditResult<Unit>.NotFound()
            : !MayChange(actor) ? EditResult<Unit>.Forbidden(NotAllowed)
            : EditResult<Unit>.Done(unit);
    }

    public async Task<EditResult<Unit>> CreateUnitAsync(Actor? actor, UnitInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!MayChange(actor))
        {
            return EditResult<Unit>.Forbidden(NotAllowed);
        }

        var fields = await ValidateUnitAsync(input, null, ct);
        if (fields.HasErrors)
        {
            return EditResult<Unit>.Invalid(fields.Errors);
        }

        var siblings = db.Units.Where(u => u.ParentId == input.ParentId);
        var unit = new Unit
        {
            OrganisationId = db.Scope.RequireId(),
            Name = input.Name!.Trim(),
            SortOrder = await siblings.AnyAsync(ct) ? await siblings.MaxAsync(u => u.SortOrder, ct) + 1 : 0,
        };
        Apply(unit, input);
        db.Units.Add(unit);
        return await db.SaveAsync(unit, c => CurrentUnitAsync(unit.Id, c), ct);
    }

    public async Task<EditResult<Unit>> UpdateUnitAsync(Actor? actor, int id, Guid? version, UnitInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return EditResult<Unit>.NotFound();
        }

        if (!MayChange(actor))
        {
            return EditResult<Unit>.Forbidden(NotAllowed);
        }

        if (version is null)
        {
            return EditResult<Unit>.VersionMissing();
        }

        var fields = await ValidateUnitAsync(input, id, ct);
        if (fields.HasErrors)
        {
            return EditResult<Unit>.Invalid(fields.Errors);
        }

        return await db.SaveVersionedAsync(unit, version, c => CurrentUnitAsync(id, c), () => Apply(unit, input), ct);
    }

    /// <summary>Deletes an empty unit; refused, saying what is in it, while anything belongs to it.</summary>
    public async Task<EditResult<Unit>> DeleteUnitAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return EditResult<Unit>.NotFound();
        }

        if (!MayChange(actor))
        {
            return EditResult<Unit>.Forbidden(NotAllowed);
        }

        if (await UnitContentsAsync(id, ct) is { Count: > 0 } contents)
        {
            return EditResult<Unit>.Refused(WhyUnitCannotBeDeleted(unit.Name, contents));
        }

        return await db.SaveVersionedAsync(unit, version, c => CurrentUnitAsync(id, c), () => db.Units.Remove(unit), ct);
    }

    public static string WhyUnitCannotBeDeleted(string name, IReadOnlyList<string> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var list = contents.Count == 1 ? contents[0] : $"{string.Join(", ", contents.Take(contents.Count - 1))} and {contents[^1]}";
        return $"{name} cannot be deleted while it has {list}. Move or remove them first.";
    }

    /// <summary>
    /// What keeps a unit from being deleted, in words ("2 teams", "3 posts"). User accounts count too:
    /// removing the unit their access is limited to would widen it to the whole organisation.
    /// </summary>
    public async Task<IReadOnlyList<string>> UnitContentsAsync(int id, CancellationToken ct = default)
    {
        var contents = new List<string>();
        void Add(int count, string one, string many)
        {
            if (count > 0)
            {
                contents.Add(count == 1 ? $"1 {one}" : $"{count} {many}");
            }
        }

        Add(await db.Units.CountAsync(u => u.ParentId == id, ct), "unit beneath it", "units beneath it");
        Add(await db.Posts.CountAsync(p => p.UnitId == id, ct), "post", "posts");
        Add(await db.PortfolioHolders.CountAsync(h => h.UnitId == id, ct), "portfolio holder", "portfolio holders");
        Add(await db.People.CountAsync(p => p.UnitId == id, ct), "officer working in it", "officers working in it");
        Add(await db.Objectives.CountAsync(o => o.UnitId == id, ct), "framework entry", "framework entries");
        Add(await db.Memberships.CountAsync(m => m.UnitId == id, ct), "user account limited to it", "user accounts limited to it");
        return contents;
    }

    private async Task<FieldReader> ValidateUnitAsync(UnitInput input, int? editingId, CancellationToken ct)
    {
        var fields = new FieldReader();
        fields.Text(input.Name, UnitFields.Name, "name", NameMaxLength, required: true);
        fields.Text(input.Kind, UnitFields.Kind, "kind", KindMaxLength);
        fields.Text(input.Description, UnitFields.Description, "description", DescriptionMaxLength);
        if (input.ParentId is { } parentId)
        {
            var parents = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
            if (!parents.ContainsKey(parentId))
            {
                fields.Fail(UnitFields.ParentId, "Choose the unit this one is part of from the list");
            }
            else if (editingId is { } self)
            {
                var seen = new HashSet<int>();
                for (int? current = parentId; current is { } c && seen.Add(c); current = parents.GetValueOrDefault(c))
                {
                    if (c == self)
                    {
                        fields.Fail(UnitFields.ParentId, "A unit cannot be part of itself or of a unit beneath it: choose another unit");
                        break;
                    }
                }
            }
        }

        if (input.HeadPostId is { } headPostId
            && (editingId is not { } unitId || !await db.Posts.AnyAsync(p => p.Id == headPostId && p.UnitId == unitId, ct)))
        {
            fields.Fail(UnitFields.HeadPostId, editingId is null
                ? "A new unit has no posts yet: add the unit, then its posts, then choose its head"
                : "Choose the head post from this unit's posts");
        }

        return fields;
    }

    private static void Apply(Unit unit, UnitInput input)
    {
        unit.ParentId = input.ParentId;
        unit.Name = input.Name!.Trim();
        unit.Kind = FieldReader.Clean(input.Kind);
        unit.Description = FieldReader.Clean(input.Description);
        unit.HeadPostId = input.HeadPostId;
    }

    private Task<Unit?> CurrentUnitAsync(int id, CancellationToken ct) =>
        db.Units.AsNoTracking().Include(u => u.HeadPost).ThenInclude(p => p!.Holder)
            .Include(u => u.Posts).ThenInclude(p => p.Holder)
            .Include(u => u.PortfolioHolders).ThenInclude(h => h.Person)
            .AsSplitQuery().SingleOrDefaultAsync(u => u.Id == id, ct);
}
