using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Core.Framework;

/// <summary>
/// A framework entry as a person or client writes it: ids for the choices, periods as text ("2011/12").
/// The same shape serves the edit pages and the API body.
/// </summary>
public sealed record ObjectiveInput(
    string? Level, int? ParentId, string? Reference, string? Title, string? Description,
    int? UnitId, int? OwnerPostId, int? OwnerPersonId, string? Start, string? End)
{
    public static ObjectiveInput From(Objective objective, string levelKey, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new(levelKey, objective.ParentId, objective.Reference, objective.Title, objective.Description,
            objective.UnitId, objective.OwnerPostId, objective.OwnerPersonId,
            objective.StartPeriod?.Format(yearStartMonth), objective.EndPeriod?.Format(yearStartMonth));
    }
}

/// <summary>The field names errors are reported against: the API body's names, and the form fields' ids.</summary>
public static class ObjectiveFields
{
    public const string Level = "level";
    public const string ParentId = "parentId";
    public const string Reference = "reference";
    public const string Title = "title";
    public const string Description = "description";
    public const string UnitId = "unitId";
    public const string OwnerPostId = "ownerPostId";
    public const string OwnerPersonId = "ownerPersonId";
    public const string Start = "start";
    public const string End = "end";
    public const string ToId = "toId";
}

public sealed record ChoiceObjective(int Id, string? Reference, string Title, string LevelName, int LevelSortOrder, int? UnitId);

/// <summary>A unit to choose, with its place: "Community and Customer Services › Partnerships".</summary>
public sealed record ChoiceUnit(int Id, string Name, int Depth, string Path);

public sealed record ChoicePost(int Id, string Title, string? HolderName, int UnitId, string UnitName);

public sealed record ChoicePerson(int Id, string Name, PersonKind Kind);

/// <summary>Everything an entry's form offers to choose from, in the order to show it.</summary>
public sealed record FrameworkChoices(
    IReadOnlyList<FrameworkLevel> Levels, IReadOnlyList<ChoiceObjective> Objectives, IReadOnlyList<ChoiceUnit> Units,
    IReadOnlyList<ChoicePost> Posts, IReadOnlyList<ChoicePerson> People);

/// <summary>
/// Creates, changes and deletes framework entries and their "contributes to" links, for pages and
/// the API alike: checks who may (<see cref="Permissions"/>), validates, refuses stale versions.
/// Every save is audited by the DbContext.
/// </summary>
public sealed class FrameworkEditor(WaymarkDbContext db)
{
    public const int ReferenceMaxLength = 40;
    public const int TitleMaxLength = 1000;
    public const int DescriptionMaxLength = 8000;

    /// <summary>An entry with what the permission rules and their explanations need (unit, owners), tracked.</summary>
    public Task<Objective?> FindAsync(int id, CancellationToken ct = default) =>
        db.Objectives.Include(o => o.Level).Include(o => o.Unit).Include(o => o.OwnerPost).Include(o => o.OwnerPerson)
            .SingleOrDefaultAsync(o => o.Id == id, ct);

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

    public async Task<EditResult<Objective>> CreateAsync(Actor? actor, ObjectiveInput input, int yearStartMonth, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanCreateObjectives(actor))
        {
            return EditResult<Objective>.Forbidden(WhyCannotCreate(actor));
        }

        var (errors, values) = await ValidateAsync(input, null, yearStartMonth, ct);
        if (errors.Count == 0 && !Permissions.CanCreateOrDeleteObjective(actor, values!.UnitId))
        {
            errors[ObjectiveFields.UnitId] = await NotYourUnitAsync(values.UnitId, "add entries", ct);
        }

        if (errors.Count > 0)
        {
            return EditResult<Objective>.Invalid(errors);
        }

        var siblings = db.Objectives.Where(o => o.ParentId == values!.ParentId);
        var objective = new Objective
        {
            OrganisationId = db.Scope.RequireId(),
            Title = values!.Title,
            SortOrder = await siblings.AnyAsync(ct) ? await siblings.MaxAsync(o => o.SortOrder, ct) + 1 : 0,
        };
        values.ApplyTo(objective);
        db.Objectives.Add(objective);
        await db.SaveChangesAsync(ct);
        return EditResult<Objective>.Done(objective);
    }

    /// <summary>Saves the input over the entry, if the entry is still at <paramref name="version"/>.</summary>
    public async Task<EditResult<Objective>> UpdateAsync(Actor? actor, int id, Guid? version, ObjectiveInput input, int yearStartMonth, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var objective = await FindAsync(id, ct);
        if (objective is null)
        {
            return EditResult<Objective>.NotFound();
        }

        if (!Permissions.CanEditObjective(actor, objective.UnitId, objective.OwnerPostId, objective.OwnerPersonId))
        {
            return EditResult<Objective>.Forbidden(WhyCannotEdit(actor, objective));
        }

        if (version is null)
        {
            return EditResult<Objective>.VersionMissing();
        }

        var (errors, values) = await ValidateAsync(input, objective.Id, yearStartMonth, ct);
        if (errors.Count == 0 && values!.UnitId != objective.UnitId && !Permissions.CanMoveObjectiveToUnit(actor, values.UnitId))
        {
            errors[ObjectiveFields.UnitId] = await NotYourUnitAsync(values.UnitId, "move entries", ct);
        }

        if (errors.Count > 0)
        {
            return EditResult<Objective>.Invalid(errors);
        }

        if (objective.Version != version.Value)
        {
            return await ConflictAsync(id, ct);
        }

        values!.ApplyTo(objective);
        db.Entry(objective).Property(o => o.Version).OriginalValue = version.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write.
            db.ChangeTracker.Clear();
            return await ConflictAsync(id, ct);
        }

        return EditResult<Objective>.Done(objective);
    }

    /// <summary>Deletes the entry and its links both ways; refused while entries sit beneath it.</summary>
    public async Task<EditResult<Objective>> DeleteAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var objective = await FindAsync(id, ct);
        if (objective is null)
        {
            return EditResult<Objective>.NotFound();
        }

        if (!Permissions.CanCreateOrDeleteObjective(actor, objective.UnitId))
        {
            return EditResult<Objective>.Forbidden(WhyCannotDelete(actor, objective));
        }

        if (await ChildCountAsync(id, ct) is var children and > 0)
        {
            return EditResult<Objective>.Refused(WhyChildrenBlockDelete(children));
        }

        if (version is { } expected && objective.Version != expected)
        {
            return await ConflictAsync(id, ct);
        }

        // Loaded, so that each link's removal is tracked and so audited (the database would cascade silently).
        var links = await db.ObjectiveLinks.Where(l => l.FromObjectiveId == id || l.ToObjectiveId == id).ToListAsync(ct);
        db.ObjectiveLinks.RemoveRange(links);
        db.Objectives.Remove(objective);
        if (version is { } original)
        {
            db.Entry(objective).Property(o => o.Version).OriginalValue = original;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(id, ct);
        }
        catch (DbUpdateException)
        {
            // An entry was added beneath it meanwhile (the foreign key refuses the delete).
            db.ChangeTracker.Clear();
            return EditResult<Objective>.Refused(WhyChildrenBlockDelete(await ChildCountAsync(id, ct)));
        }

        return EditResult<Objective>.Done(objective);
    }

    public Task<int> ChildCountAsync(int id, CancellationToken ct = default) => db.Objectives.CountAsync(o => o.ParentId == id, ct);

    /// <summary>Records that entry <paramref name="fromId"/> contributes to entry <paramref name="toId"/>.</summary>
    public async Task<EditResult<ObjectiveLink>> AddLinkAsync(Actor? actor, int fromId, int? toId, CancellationToken ct = default)
    {
        var from = await FindAsync(fromId, ct);
        if (from is null)
        {
            return EditResult<ObjectiveLink>.NotFound();
        }

        if (!Permissions.CanEditObjective(actor, from.UnitId, from.OwnerPostId, from.OwnerPersonId))
        {
            return EditResult<ObjectiveLink>.Forbidden(WhyCannotEdit(actor, from));
        }

        if (toId is not { } target)
        {
            return EditResult<ObjectiveLink>.Invalid(ObjectiveFields.ToId, "Choose the entry this one contributes to");
        }

        if (target == fromId)
        {
            return EditResult<ObjectiveLink>.Invalid(ObjectiveFields.ToId, "An entry cannot contribute to itself: choose another entry");
        }

        var to = await db.Objectives.AsNoTracking().Where(o => o.Id == target).Select(o => new { o.Reference, o.Title }).SingleOrDefaultAsync(ct);
        if (to is null)
        {
            return EditResult<ObjectiveLink>.Invalid(ObjectiveFields.ToId, "Choose an entry from the list");
        }

        var duplicate = $"This entry already contributes to {Label(to.Reference, to.Title)}";
        if (await db.ObjectiveLinks.AnyAsync(l => l.FromObjectiveId == fromId && l.ToObjectiveId == target, ct))
        {
            return EditResult<ObjectiveLink>.Invalid(ObjectiveFields.ToId, duplicate);
        }

        var link = new ObjectiveLink { OrganisationId = db.Scope.RequireId(), FromObjectiveId = fromId, ToObjectiveId = target };
        db.ObjectiveLinks.Add(link);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link added at the same moment by someone else: the unique index refused ours.
            db.ChangeTracker.Clear();
            return EditResult<ObjectiveLink>.Invalid(ObjectiveFields.ToId, duplicate);
        }

        return EditResult<ObjectiveLink>.Done(link);
    }

    public async Task<EditResult<ObjectiveLink>> RemoveLinkAsync(Actor? actor, int fromId, int toId, CancellationToken ct = default)
    {
        var from = await FindAsync(fromId, ct);
        if (from is null)
        {
            return EditResult<ObjectiveLink>.NotFound();
        }

        if (!Permissions.CanEditObjective(actor, from.UnitId, from.OwnerPostId, from.OwnerPersonId))
        {
            return EditResult<ObjectiveLink>.Forbidden(WhyCannotEdit(actor, from));
        }

        var link = await db.ObjectiveLinks.SingleOrDefaultAsync(l => l.FromObjectiveId == fromId && l.ToObjectiveId == toId, ct);
        if (link is null)
        {
            return EditResult<ObjectiveLink>.NotFound();
        }

        db.ObjectiveLinks.Remove(link);
        await db.SaveChangesAsync(ct);
        return EditResult<ObjectiveLink>.Done(link);
    }

    /// <summary>Why <see cref="Permissions.CanEditObjective"/> said no, in words for the person refused.</summary>
    public static string WhyCannotEdit(Actor? actor, Objective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var where = $"{BelongsTo(objective)} {OwnedBy(objective)}";
        return actor switch
        {
            null => "Only members of this organisation can change its framework.",
            { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
            { Role: Role.ServiceManager } => $"You can change only entries that you own, that a post you hold owns, or that belong to your units. {where}",
            { Role: Role.LeadOfficer } => $"You can change only entries that you own or that a post you hold owns. {where}",
            _ => "Your role lets you read the framework but not change it.",
        };
    }

    public static string WhyCannotDelete(Actor? actor, Objective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return actor switch
        {
            null or { ReadOnly: true } => WhyCannotCreate(actor),
            { Role: Role.ServiceManager } => $"You can delete only entries that belong to your units. {BelongsTo(objective)}",
            _ => "Only administrators, performance officers and service managers (for their own units) can delete entries from the framework.",
        };
    }

    public static string WhyCannotCreate(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can change its framework.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        _ => "Only administrators, performance officers and service managers (for their own units) can add entries to the framework.",
    };

    private static string BelongsTo(Objective o) => o.Unit is null ? "This entry belongs to no unit." : $"This entry belongs to {o.Unit.Name}.";

    private static string OwnedBy(Objective o) => (o.OwnerPost, o.OwnerPerson) switch
    {
        ({ } post, _) => $"Its owner is the post {post.Title}.",
        (null, { } person) => $"Its owner is {person.Name}.",
        _ => "It has no owner recorded.",
    };

    public static string WhyChildrenBlockDelete(int count) => count == 1
        ? "This entry has 1 entry beneath it. Move that entry to another place in the framework, or delete it, first."
        : $"This entry has {count} entries beneath it. Move those entries to another place in the framework, or delete them, first.";

    private static string Label(string? reference, string title) => string.IsNullOrWhiteSpace(reference) ? title : $"{reference} {title}";

    private async Task<string> NotYourUnitAsync(int? unitId, string what, CancellationToken ct)
    {
        if (unitId is null)
        {
            return $"Choose one of your units: you can {what} only in your units";
        }

        var name = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        return $"You can {what} only in your units, and {name} is not one of them: choose one of your units";
    }

    private async Task<EditResult<Objective>> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await db.Objectives.AsNoTracking()
            .Include(o => o.Level).Include(o => o.Unit).Include(o => o.OwnerPost).ThenInclude(p => p!.Holder).Include(o => o.OwnerPerson)
            .SingleOrDefaultAsync(o => o.Id == id, ct);
        return current is null ? EditResult<Objective>.NotFound() : EditResult<Objective>.Conflict(current);
    }

    private sealed record Values(
        int LevelId, int? ParentId, string? Reference, string Title, string? Description,
        int? UnitId, int? OwnerPostId, int? OwnerPersonId, Period? Start, Period? End)
    {
        public void ApplyTo(Objective o)
        {
            o.LevelId = LevelId;
            o.ParentId = ParentId;
            o.Reference = Reference;
            o.Title = Title;
            o.Description = Description;
            o.UnitId = UnitId;
            o.OwnerPostId = OwnerPostId;
            o.OwnerPersonId = OwnerPersonId;
            o.StartPeriod = Start;
            o.EndPeriod = End;
        }
    }

    private async Task<(Dictionary<string, string> Errors, Values? Values)> ValidateAsync(
        ObjectiveInput input, int? editingId, int yearStartMonth, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();

        var levelKey = input.Level?.Trim();
        var levelId = string.IsNullOrEmpty(levelKey)
            ? null
            : await db.FrameworkLevels.AsNoTracking().Where(l => l.Key == levelKey).Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
        if (levelId is null)
        {
            errors[ObjectiveFields.Level] = string.IsNullOrEmpty(levelKey) ? "Choose a level" : "Choose a level from the list";
        }

        if (input.ParentId is { } parentId)
        {
            if (!await db.Objectives.AnyAsync(o => o.Id == parentId, ct))
            {
                errors[ObjectiveFields.ParentId] = "Choose the entry this one sits beneath from the list";
            }
            else if (editingId is { } self && await IsSelfOrBeneathAsync(parentId, self, ct))
            {
                errors[ObjectiveFields.ParentId] = "An entry cannot sit beneath itself or beneath an entry that sits beneath it: choose another entry";
            }
        }

        var reference = Clean(input.Reference);
        if (reference?.Length > ReferenceMaxLength)
        {
            errors[ObjectiveFields.Reference] = $"Reference must be {ReferenceMaxLength} characters or fewer";
        }

        var title = Clean(input.Title);
        if (title is null)
        {
            errors[ObjectiveFields.Title] = "Enter a title";
        }
        else if (title.Length > TitleMaxLength)
        {
            errors[ObjectiveFields.Title] = $"Title must be {TitleMaxLength} characters or fewer";
        }

        var description = Clean(input.Description);
        if (description?.Length > DescriptionMaxLength)
        {
            errors[ObjectiveFields.Description] = $"Description must be {DescriptionMaxLength} characters or fewer";
        }

        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            errors[ObjectiveFields.UnitId] = "Choose a unit from the list";
        }

        if (input.OwnerPostId is not null && input.OwnerPersonId is not null)
        {
            errors[ObjectiveFields.OwnerPostId] = "Choose a post or a person as the owner, not both";
        }
        else if (input.OwnerPostId is { } postId && !await db.Posts.AnyAsync(p => p.Id == postId, ct))
        {
            errors[ObjectiveFields.OwnerPostId] = "Choose a post from the list";
        }
        else if (input.OwnerPersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            errors[ObjectiveFields.OwnerPersonId] = "Choose a person from the list";
        }

        var start = ReadYear(input.Start, "start", yearStartMonth, errors, ObjectiveFields.Start);
        var end = ReadYear(input.End, "end", yearStartMonth, errors, ObjectiveFields.End);
        if (start is { } s && end is { } e && e < s)
        {
            errors[ObjectiveFields.End] = "The end year must be the same as or after the start year";
        }

        return errors.Count > 0
            ? (errors, null)
            : (errors, new Values(levelId!.Value, input.ParentId, reference, title!, description, input.UnitId, input.OwnerPostId, input.OwnerPersonId, start, end));
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="id"/> or somewhere beneath it (so making it the parent would make a cycle).</summary>
    private async Task<bool> IsSelfOrBeneathAsync(int candidate, int id, CancellationToken ct)
    {
        var parents = await db.Objectives.AsNoTracking().Select(o => new { o.Id, o.ParentId }).ToDictionaryAsync(o => o.Id, o => o.ParentId, ct);
        var seen = new HashSet<int>();
        for (int? current = candidate; current is { } c && seen.Add(c); current = parents.GetValueOrDefault(c))
        {
            if (c == id)
            {
                return true;
            }
        }

        return false;
    }

    private static Period? ReadYear(string? text, string which, int yearStartMonth, Dictionary<string, string> errors, string field)
    {
        var cleaned = Clean(text);
        if (cleaned is null)
        {
            return null;
        }

        var example = Period.FinancialYear(2011, yearStartMonth).Format(yearStartMonth);
        var parsed = PeriodText.Parse(cleaned, yearStartMonth);
        if (parsed is { Kind: PeriodTextKind.Period, Period: { Kind: PeriodKind.Year } year })
        {
            return year;
        }

        errors[field] = $"Enter the {which} year as a financial year, like {example}";
        return null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
