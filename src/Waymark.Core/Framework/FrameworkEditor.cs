using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

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

/// <summary>What the delete page shows: the entry, how many links go with it, and why it cannot go yet (entries beneath it).</summary>
public sealed record ObjectiveDeletion(Objective Entry, int LinkCount, string? Refusal);

/// <summary>Which actions on an entry the reader may take: the entry's page offers only those.</summary>
public sealed record ObjectiveActions(bool Change, bool AddBeneath, bool Delete)
{
    public static ObjectiveActions For(Actor? actor, Objective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new(Permissions.CanEditObjective(actor, objective.UnitId, objective.OwnerPostId, objective.OwnerPersonId),
            Permissions.CanCreateObjectives(actor), Permissions.CanCreateOrDeleteObjective(actor, objective.UnitId));
    }
}

/// <summary>
/// Creates, changes and deletes framework entries, for pages and the API alike: checks who may
/// (<see cref="Permissions"/>, explained by <see cref="FrameworkRefusals"/>), validates, refuses stale versions. Every
/// save is audited by the DbContext. Links between entries have their own editor (<see cref="ObjectiveLinkEditor"/>).
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

    /// <summary>The check before an entry's form (or its links) is shown: the entry, if the actor may change it.</summary>
    public async Task<EditResult<Objective>> OpenAsync(Actor? actor, int id, CancellationToken ct = default)
    {
        var objective = await FindAsync(id, ct);
        return objective is null ? EditResult<Objective>.NotFound()
            : !Permissions.CanEditObjective(actor, objective.UnitId, objective.OwnerPostId, objective.OwnerPersonId)
                ? EditResult<Objective>.Forbidden(FrameworkRefusals.WhyCannotEdit(actor, objective))
            : EditResult<Objective>.Done(objective);
    }

    /// <summary>
    /// The check before the new-entry form is shown, and the form's starting values: beneath <paramref name="parentId"/>,
    /// its unit (when the actor may add entries there), its dates, and the level below its level.
    /// </summary>
    public async Task<EditResult<ObjectiveInput>> StartAsync(Actor? actor, int? parentId, int yearStartMonth, CancellationToken ct = default)
    {
        if (!Permissions.CanCreateObjectives(actor))
        {
            return EditResult<ObjectiveInput>.Forbidden(FrameworkRefusals.WhyCannotCreate(actor));
        }

        if (parentId is not { } id)
        {
            return EditResult<ObjectiveInput>.Done(new(null, null, null, null, null, null, null, null, null, null));
        }

        var above = await FindAsync(id, ct);
        if (above is null)
        {
            return EditResult<ObjectiveInput>.NotFound();
        }

        var level = await db.FrameworkLevels.AsNoTracking().Where(l => l.SortOrder > above.Level!.SortOrder)
            .OrderBy(l => l.SortOrder).Select(l => l.Key).FirstOrDefaultAsync(ct);
        var unitId = Permissions.CanCreateOrDeleteObjective(actor, above.UnitId) ? above.UnitId : null;
        return EditResult<ObjectiveInput>.Done(new(level, above.Id, null, null, null, unitId, null, null,
            above.StartPeriod?.Format(yearStartMonth), above.EndPeriod?.Format(yearStartMonth)));
    }

    /// <summary>The check before the delete page is shown: the entry, if the actor may delete it, and what deleting it means.</summary>
    public async Task<EditResult<ObjectiveDeletion>> OpenDeletionAsync(Actor? actor, int id, CancellationToken ct = default)
    {
        var objective = await FindAsync(id, ct);
        if (objective is null)
        {
            return EditResult<ObjectiveDeletion>.NotFound();
        }

        if (!Permissions.CanCreateOrDeleteObjective(actor, objective.UnitId))
        {
            return EditResult<ObjectiveDeletion>.Forbidden(FrameworkRefusals.WhyCannotDelete(actor, objective));
        }

        var links = await db.ObjectiveLinks.CountAsync(l => l.FromObjectiveId == id || l.ToObjectiveId == id, ct);
        var children = await ChildCountAsync(id, ct);
        return EditResult<ObjectiveDeletion>.Done(new(objective, links, children > 0 ? FrameworkRefusals.WhyChildrenBlockDelete(children) : null));
    }

    public async Task<EditResult<Objective>> CreateAsync(Actor? actor, ObjectiveInput input, int yearStartMonth, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanCreateObjectives(actor))
        {
            return EditResult<Objective>.Forbidden(FrameworkRefusals.WhyCannotCreate(actor));
        }

        var (fields, values) = await ValidateAsync(input, null, yearStartMonth, ct);
        if (!fields.HasErrors && !Permissions.CanCreateOrDeleteObjective(actor, values!.UnitId))
        {
            fields.Fail(ObjectiveFields.UnitId, await NotYourUnitAsync(values.UnitId, "add entries", ct));
        }

        if (fields.HasErrors)
        {
            return EditResult<Objective>.Invalid(fields.Errors);
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
        return await db.SaveAsync(objective, c => CurrentAsync(objective.Id, c), ct);
    }

    /// <summary>Saves the input over the entry, if the entry is still at <paramref name="version"/>.</summary>
    public async Task<EditResult<Objective>> UpdateAsync(Actor? actor, int id, Guid? version, ObjectiveInput input, int yearStartMonth, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var opened = await OpenAsync(actor, id, ct);
        if (opened.Record is not { } objective)
        {
            return opened;
        }

        if (version is null)
        {
            return EditResult<Objective>.VersionMissing();
        }

        var (fields, values) = await ValidateAsync(input, objective.Id, yearStartMonth, ct);
        if (!fields.HasErrors && values!.UnitId != objective.UnitId && !Permissions.CanMoveObjectiveToUnit(actor, values.UnitId))
        {
            fields.Fail(ObjectiveFields.UnitId, await NotYourUnitAsync(values.UnitId, "move entries", ct));
        }

        if (fields.HasErrors)
        {
            return EditResult<Objective>.Invalid(fields.Errors);
        }

        return await db.SaveVersionedAsync(objective, version, c => CurrentAsync(id, c), () => values!.ApplyTo(objective), ct);
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
            return EditResult<Objective>.Forbidden(FrameworkRefusals.WhyCannotDelete(actor, objective));
        }

        if (await ChildCountAsync(id, ct) is var children and > 0)
        {
            return EditResult<Objective>.Refused(FrameworkRefusals.WhyChildrenBlockDelete(children));
        }

        // Loaded, so that each link's removal is tracked and so audited (the database would cascade silently).
        var links = await db.ObjectiveLinks.Where(l => l.FromObjectiveId == id || l.ToObjectiveId == id).ToListAsync(ct);
        try
        {
            return await db.SaveVersionedAsync(objective, version, c => CurrentAsync(id, c), () =>
            {
                db.ObjectiveLinks.RemoveRange(links);
                db.Objectives.Remove(objective);
            }, ct);
        }
        catch (DbUpdateException ex) when (ex.IsForeignKeyViolation())
        {
            // An entry was added beneath it meanwhile (the foreign key refuses the delete).
            db.ChangeTracker.Clear();
            return EditResult<Objective>.Refused(FrameworkRefusals.WhyChildrenBlockDelete(await ChildCountAsync(id, ct)));
        }
    }

    public Task<int> ChildCountAsync(int id, CancellationToken ct = default) => db.Objectives.CountAsync(o => o.ParentId == id, ct);

    private async Task<string> NotYourUnitAsync(int? unitId, string what, CancellationToken ct)
    {
        if (unitId is null)
        {
            return $"Choose one of your units: you can {what} only in your units";
        }

        var name = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        return $"You can {what} only in your units, and {name} is not one of them: choose one of your units";
    }

    private Task<Objective?> CurrentAsync(int id, CancellationToken ct) =>
        db.Objectives.AsNoTracking()
            .Include(o => o.Level).Include(o => o.Unit).Include(o => o.OwnerPost).ThenInclude(p => p!.Holder).Include(o => o.OwnerPerson)
            .SingleOrDefaultAsync(o => o.Id == id, ct);

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

    private async Task<(FieldReader Fields, Values? Values)> ValidateAsync(
        ObjectiveInput input, int? editingId, int yearStartMonth, CancellationToken ct)
    {
        var fields = new FieldReader();

        var levelKey = input.Level?.Trim();
        var levelId = string.IsNullOrEmpty(levelKey)
            ? null
            : await db.FrameworkLevels.AsNoTracking().Where(l => l.Key == levelKey).Select(l => (int?)l.Id).SingleOrDefaultAsync(ct);
        if (levelId is null)
        {
            fields.Fail(ObjectiveFields.Level, string.IsNullOrEmpty(levelKey) ? "Choose a level" : "Choose a level from the list");
        }

        if (input.ParentId is { } parentId)
        {
            if (!await db.Objectives.AnyAsync(o => o.Id == parentId, ct))
            {
                fields.Fail(ObjectiveFields.ParentId, "Choose the entry this one sits beneath from the list");
            }
            else if (editingId is { } self && await IsSelfOrBeneathAsync(parentId, self, ct))
            {
                fields.Fail(ObjectiveFields.ParentId, "An entry cannot sit beneath itself or beneath an entry that sits beneath it: choose another entry");
            }
        }

        var reference = fields.Text(input.Reference, ObjectiveFields.Reference, "reference", ReferenceMaxLength);
        var title = fields.Text(input.Title, ObjectiveFields.Title, "title", TitleMaxLength, required: true);
        var description = fields.Text(input.Description, ObjectiveFields.Description, "description", DescriptionMaxLength);
        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            fields.Fail(ObjectiveFields.UnitId, "Choose a unit from the list");
        }

        if (input.OwnerPostId is not null && input.OwnerPersonId is not null)
        {
            fields.Fail(ObjectiveFields.OwnerPostId, "Choose a post or a person as the owner, not both");
        }
        else if (input.OwnerPostId is { } postId && !await db.Posts.AnyAsync(p => p.Id == postId, ct))
        {
            fields.Fail(ObjectiveFields.OwnerPostId, "Choose a post from the list");
        }
        else if (input.OwnerPersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            fields.Fail(ObjectiveFields.OwnerPersonId, "Choose a person from the list");
        }

        var start = ReadYear(input.Start, "start", yearStartMonth, fields, ObjectiveFields.Start);
        var end = ReadYear(input.End, "end", yearStartMonth, fields, ObjectiveFields.End);
        if (start is { } s && end is { } e && e < s)
        {
            fields.Fail(ObjectiveFields.End, "The end year must be the same as or after the start year");
        }

        return fields.HasErrors
            ? (fields, null)
            : (fields, new Values(levelId!.Value, input.ParentId, reference, title!, description, input.UnitId, input.OwnerPostId, input.OwnerPersonId, start, end));
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

    private static Period? ReadYear(string? text, string which, int yearStartMonth, FieldReader fields, string field)
    {
        var cleaned = FieldReader.Clean(text);
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

        fields.Fail(field, $"Enter the {which} year as a financial year, like {example}");
        return null;
    }
}
