using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Units;

public sealed record UnitInput(int? ParentId, string? Name, string? Kind, string? Description, int? HeadPostId);

public sealed record PostInput(string? Title, int? HolderId);

public sealed record PersonInput(string? Name, PersonKind? Kind, int? UnitId);

public sealed record PortfolioHolderInput(int? PersonId, string? Portfolio, string? Note);

/// <summary>The field names errors are reported against (the API body's names and the form fields' ids).</summary>
public static class StructureFields
{
    public const string ParentId = "parentId";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string Description = "description";
    public const string HeadPostId = "headPostId";
    public const string Title = "title";
    public const string HolderId = "holderId";
    public const string UnitId = "unitId";
    public const string PersonId = "personId";
    public const string Portfolio = "portfolio";
    public const string Note = "note";
}

/// <summary>
/// Changes the organisation's structure (units, posts, people, portfolio holders) for pages and the
/// API alike: only for those <see cref="Permissions.CanManageStructure"/> allows; validated; stale
/// versions refused; every save audited by the DbContext.
/// </summary>
public sealed class StructureEditor(WaymarkDbContext db)
{
    public const int NameMaxLength = 200;
    public const int KindMaxLength = 60;
    public const int DescriptionMaxLength = 4000;

    public const string NotAllowed = "Only administrators can change the organisation's structure: its units, posts, people and portfolio holders.";

    // ---------------------------------------------------------------- Units

    public async Task<EditResult<Unit>> CreateUnitAsync(Actor? actor, UnitInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageStructure(actor))
        {
            return EditResult<Unit>.Forbidden(NotAllowed);
        }

        var errors = await ValidateUnitAsync(input, null, ct);
        if (errors.Count > 0)
        {
            return EditResult<Unit>.Invalid(errors);
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
        await db.SaveChangesAsync(ct);
        return EditResult<Unit>.Done(unit);
    }

    public async Task<EditResult<Unit>> UpdateUnitAsync(Actor? actor, int id, Guid? version, UnitInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return EditResult<Unit>.NotFound();
        }

        if (!Permissions.CanManageStructure(actor))
        {
            return EditResult<Unit>.Forbidden(NotAllowed);
        }

        if (version is null)
        {
            return EditResult<Unit>.VersionMissing();
        }

        var errors = await ValidateUnitAsync(input, id, ct);
        if (errors.Count > 0)
        {
            return EditResult<Unit>.Invalid(errors);
        }

        return await SaveVersionedAsync(unit, version.Value, () => Apply(unit, input), () => CurrentUnitAsync(id, ct), ct);
    }

    /// <summary>Deletes an empty unit; refused, saying what is in it, while anything belongs to it.</summary>
    public async Task<EditResult<Unit>> DeleteUnitAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return EditResult<Unit>.NotFound();
        }

        if (!Permissions.CanManageStructure(actor))
        {
            return EditResult<Unit>.Forbidden(NotAllowed);
        }

        if (await UnitContentsAsync(id, ct) is { Count: > 0 } contents)
        {
            return EditResult<Unit>.Refused(WhyUnitCannotBeDeleted(unit.Name, contents));
        }

        if (version is { } expected && unit.Version != expected)
        {
            return await ConflictAsync(() => CurrentUnitAsync(id, ct));
        }

        db.Units.Remove(unit);
        return await SaveVersionedAsync(unit, version ?? unit.Version, () => { }, () => CurrentUnitAsync(id, ct), ct);
    }

    public static string WhyUnitCannotBeDeleted(string name, IReadOnlyList<string> contents) =>
        $"{name} cannot be deleted while it has {Join(contents)}. Move or remove them first.";

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

    private async Task<Dictionary<string, string>> ValidateUnitAsync(UnitInput input, int? editingId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Text(input.Name, StructureFields.Name, "Name", NameMaxLength, required: true, errors);
        Text(input.Kind, StructureFields.Kind, "Kind", KindMaxLength, required: false, errors);
        Text(input.Description, StructureFields.Description, "Description", DescriptionMaxLength, required: false, errors);
        if (input.ParentId is { } parentId)
        {
            var parents = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
            if (!parents.ContainsKey(parentId))
            {
                errors[StructureFields.ParentId] = "Choose the unit this one is part of from the list";
            }
            else if (editingId is { } self)
            {
                var seen = new HashSet<int>();
                for (int? current = parentId; current is { } c && seen.Add(c); current = parents.GetValueOrDefault(c))
                {
                    if (c == self)
                    {
                        errors[StructureFields.ParentId] = "A unit cannot be part of itself or of a unit beneath it: choose another unit";
                        break;
                    }
                }
            }
        }

        if (input.HeadPostId is { } headPostId
            && (editingId is not { } unitId || !await db.Posts.AnyAsync(p => p.Id == headPostId && p.UnitId == unitId, ct)))
        {
            errors[StructureFields.HeadPostId] = editingId is null
                ? "A new unit has no posts yet: add the unit, then its posts, then choose its head"
                : "Choose the head post from this unit's posts";
        }

        return errors;
    }

    private static void Apply(Unit unit, UnitInput input)
    {
        unit.ParentId = input.ParentId;
        unit.Name = input.Name!.Trim();
        unit.Kind = Clean(input.Kind);
        unit.Description = Clean(input.Description);
        unit.HeadPostId = input.HeadPostId;
    }

    private Task<Unit?> CurrentUnitAsync(int id, CancellationToken ct) =>
        db.Units.AsNoTracking().Include(u => u.HeadPost).ThenInclude(p => p!.Holder)
            .Include(u => u.Posts).ThenInclude(p => p.Holder)
            .Include(u => u.PortfolioHolders).ThenInclude(h => h.Person)
            .AsSplitQuery().SingleOrDefaultAsync(u => u.Id == id, ct);

    // ---------------------------------------------------------------- Posts

    public async Task<EditResult<Post>> CreatePostAsync(Actor? actor, int unitId, PostInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            return EditResult<Post>.NotFound();
        }

        if (!Permissions.CanManageStructure(actor))
        {
            return EditResult<Post>.Forbidden(NotAllowed);
        }

        var errors = await ValidatePostAsync(input, ct);
        if (errors.Count > 0)
        {
            return EditResult<Post>.Invalid(errors);
        }

        var siblings = db.Posts.Where(p => p.UnitId == unitId);
        var post = new Post
        {
            OrganisationId = db.Scope.RequireId(),
            UnitId = unitId,
            Title = input.Title!.Trim(),
            HolderId = input.HolderId,
            SortOrder = await siblings.AnyAsync(ct) ? await siblings.MaxAsync(p => p.SortOrder, ct) + 1 : 0,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        return EditResult<Post>.Done(post);
    }

    public async Task<EditResult<Post>> UpdatePostAsync(Actor? actor, int unitId, int id, Guid? version, PostInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id && p.UnitId == unitId, ct);
        if (post is null)
        {
            return EditResult<Post>.NotFound();
        }

        if (!Permissions.CanManageStructure(actor))
        {
            return EditResult<Post>.Forbidden(NotAllowed);
        }

        if (version is null)
        {
            return EditResult<Post>.VersionMissing();
        }

        var errors = await ValidatePostAsync(input, ct);
        if (errors.Count > 0)
        {
            return EditResult<Post>.Invalid(errors);
        }

        return await SaveVersionedAsync(post, version.Value, () =>
        {
            post.Title = input.Title!.Trim();
            post.HolderId = input.HolderId;
        }, () => FindPostAsync(id, ct), ct);
    }

    /// <summary>Deletes a post; refused while framework entries name it as owner or a unit has it as head.</summary>
    public async Task<EditResult<Post>> DeletePostAsync(Actor? actor, int unitId, int id, Guid? version, CancellationToken ct = default)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id && p.UnitId == unitId, ct);
        if (post is null)
        {
            return EditResult<Post>.NotFound();
        }

        if (!Permissions.CanManageStructure(actor))
        {
            return EditResult<Post>.Forbidden(NotAllowed);
        }

        var reasons = new List<string>();
        var owned = await db.Objectives.CountAsync(o => o.OwnerPostId == id, ct);
        if (owned > 0)
        {
            reasons.Add(owned == 1 ? "1 framework entry is owned by it" : $"{owned} framework entries are owned by it");
        }

        var heads = await db.Units.Where(u => u.HeadPostId == id).Select(u => u.Name).ToListAsync(ct);
        if (heads.Count > 0)
        {
            reasons.Add($"it is the head of {string.Join(" and ", heads)}");
        }

        if (reasons.Count > 0)
        {
            return EditResult<Post>.Refused($"{post.Title} cannot be deleted: {string.Join("; ", reasons)}. Give those another owner or head first.");
        }

        if (version is { } expected && post.Version != expected)
        {
            return await ConflictAsync(() => FindPostAsync(id, ct));
        }

        db.Posts.Remove(post);
        return await SaveVersionedAsync(post, version ?? post.Version, () => { }, () => FindPostAsync(id, ct), ct);
    }

    private async Task<Dictionary<string, string>> ValidatePostAsync(PostInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Text(input.Title, StructureFields.Title, "Title", NameMaxLength, required: true, errors);
        if (input.HolderId is { } holderId && !await db.People.AnyAsync(p => p.Id == holderId, ct))
        {
            errors[StructureFields.HolderId] = "Choose the person who holds the post from the list";
        }

        return errors;
    }

    /// <summary>A post with its holder, untracked.</summary>
    public Task<Post?> FindPostAsync(int id, CancellationToken ct = default) =>
        db.Posts.AsNoTracking().Include(p => p.Holder).SingleOrDefaultAsync(p => p.Id == id, ct);

    // ---------------------------------------------------------------- People

    public async Task<EditResult<Person>> CreatePersonAsync(Actor? actor, PersonInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageStructure(actor))
        {
            return EditResult<Person>.Forbidden(NotAllowed);
        }

        var errors = await ValidatePersonAsync(input, ct);
        if (errors.Count > 0)
        {
            return EditResult<Person>.Invalid(errors);
        }

        var person = new Person { OrganisationId = db.Scope.RequireId(), Name = input.Name!.Trim() };
        Apply(person, input);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return EditResult<Person>.Done(person);
    }

    public async Task<EditResult<Person>> UpdatePersonAsync(Actor? actor, int id, Guid version, PersonInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return EditResult<Person>.NotFound();
        }

        if (!Permissions.CanManageStructure(actor))
        {
            return EditResult<Person>.Forbidden(NotAllowed);
        }

        var errors = await ValidatePersonAsync(input, ct);
        if (errors.Count > 0)
        {
            return EditResult<Person>.Invalid(errors);
        }

        return await SaveVersionedAsync(person, version, () => Apply(person, input),
            () => db.People.AsNoTracking().Include(p => p.Unit).SingleOrDefaultAsync(p => p.Id == id, ct), ct);
    }

    private async Task<Dictionary<string, string>> ValidatePersonAsync(PersonInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        Text(input.Name, StructureFields.Name, "Name", NameMaxLength, required: true, errors);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors[StructureFields.Kind] = "Choose whether this person is an officer or a councillor";
        }

        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            errors[StructureFields.UnitId] = "Choose a unit from the list";
        }

        return errors;
    }

    private static void Apply(Person person, PersonInput input)
    {
        person.Name = input.Name!.Trim();
        person.Kind = input.Kind!.Value;
        person.UnitId = input.UnitId;
    }

    // ---------------------------------------------------------------- Portfolio holders

    public async Task<EditResult<PortfolioHolder>> AddPortfolioHolderAsync(Actor? actor, int unitId, PortfolioHolderInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            return EditResult<PortfolioHolder>.NotFound();
        }

        if (!Permissions.CanManageStructure(actor))
        {
            return EditResult<PortfolioHolder>.Forbidden(NotAllowed);
        }

        var errors = new Dictionary<string, string>();
        if (input.PersonId is not { } personId || !await db.People.AnyAsync(p => p.Id == personId && p.Kind == PersonKind.Councillor, ct))
        {
            errors[StructureFields.PersonId] = input.PersonId is null ? "Choose a councillor" : "Choose a councillor from the list";
        }

        Text(input.Portfolio, StructureFields.Portfolio, "Portfolio", NameMaxLength, required: true, errors);
        Text(input.Note, StructureFields.Note, "Note", NameMaxLength, required: false, errors);
        if (errors.Count > 0)
        {
            return EditResult<PortfolioHolder>.Invalid(errors);
        }

        var siblings = db.PortfolioHolders.Where(h => h.UnitId == unitId);
        var holder = new PortfolioHolder
        {
            OrganisationId = db.Scope.RequireId(),
            UnitId = unitId,
            PersonId = input.PersonId!.Value,
            Portfolio = input.Portfolio!.Trim(),
            Note = Clean(input.Note),
            SortOrder = await siblings.AnyAsync(ct) ? await siblings.MaxAsync(h => h.SortOrder, ct) + 1 : 0,
        };
        db.PortfolioHolders.Add(holder);
        await db.SaveChangesAsync(ct);
        return EditResult<PortfolioHolder>.Done(holder);
    }

    public async Task<EditResult<PortfolioHolder>> RemovePortfolioHolderAsync(Actor? actor, int unitId, int id, CancellationToken ct = default)
    {
        var holder = await db.PortfolioHolders.SingleOrDefaultAsync(h => h.Id == id && h.UnitId == unitId, ct);
        if (holder is null)
        {
            return EditResult<PortfolioHolder>.NotFound();
        }

        if (!Permissions.CanManageStructure(actor))
        {
            return EditResult<PortfolioHolder>.Forbidden(NotAllowed);
        }

        db.PortfolioHolders.Remove(holder);
        await db.SaveChangesAsync(ct);
        return EditResult<PortfolioHolder>.Done(holder);
    }

    // ---------------------------------------------------------------- Shared

    /// <summary>Applies the change and saves it only if the record is still at <paramref name="version"/>.</summary>
    private async Task<EditResult<T>> SaveVersionedAsync<T>(T record, Guid version, Action apply, Func<Task<T?>> current, CancellationToken ct)
        where T : class, IVersioned
    {
        if (record.Version != version)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(current);
        }

        apply();
        db.Entry(record).Property(nameof(IVersioned.Version)).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(current);
        }

        return EditResult<T>.Done(record);
    }

    private static async Task<EditResult<T>> ConflictAsync<T>(Func<Task<T?>> current)
        where T : class =>
        await current() is { } now ? EditResult<T>.Conflict(now) : EditResult<T>.NotFound();

    private static void Text(string? value, string field, string label, int max, bool required, Dictionary<string, string> errors)
    {
        var cleaned = Clean(value);
        if (cleaned is null && required)
        {
            errors[field] = $"Enter a {label.ToLowerInvariant()}";
        }
        else if (cleaned?.Length > max)
        {
            errors[field] = $"{label} must be {max} characters or fewer";
        }
    }

    private static string Join(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
