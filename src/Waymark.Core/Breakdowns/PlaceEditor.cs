using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Breakdowns;

/// <summary>
/// The organisation's list of places (wards, parishes, towns): add one, rename it, remove it (not while a breakdown
/// uses it), or add a whole list pasted from a spreadsheet. The central team keeps the list.
/// </summary>
public sealed class PlaceEditor(WaymarkDbContext db)
{
    public static string WhyNot(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can change its places.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        _ => "Only performance officers and administrators can change the organisation's places.",
    };

    /// <summary>The check before the places forms.</summary>
    public static EditResult<string> Open(Actor? actor) =>
        Permissions.CanManagePlaces(actor) ? EditResult<string>.Done("places") : EditResult<string>.Forbidden(WhyNot(actor));

    public async Task<EditResult<Place>> AddAsync(Actor? actor, PlaceInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManagePlaces(actor))
        {
            return EditResult<Place>.Forbidden(WhyNot(actor));
        }

        var reader = new FieldReader();
        var (name, kind) = Read(reader, input);
        if (name is not null && await db.Places.AnyAsync(p => p.Name == name, ct))
        {
            reader.Fail(BreakdownFields.PlaceName, $"There is a place called {name} already");
        }

        if (reader.HasErrors)
        {
            return EditResult<Place>.Invalid(reader.Errors);
        }

        var order = await db.Places.Select(p => (int?)p.SortOrder).MaxAsync(ct) ?? -1;
        var place = new Place { OrganisationId = db.Scope.RequireId(), Name = name!, Kind = kind, SortOrder = order + 1 };
        db.Places.Add(place);
        return await SaveAsync(place, ct);
    }

    public async Task<EditResult<Place>> RenameAsync(Actor? actor, int id, Guid? version, PlaceInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var place = await db.Places.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (place is null)
        {
            return EditResult<Place>.NotFound();
        }

        if (!Permissions.CanManagePlaces(actor))
        {
            return EditResult<Place>.Forbidden(WhyNot(actor));
        }

        var reader = new FieldReader();
        var (name, kind) = Read(reader, input);
        if (name is not null && await db.Places.AnyAsync(p => p.Name == name && p.Id != id, ct))
        {
            reader.Fail(BreakdownFields.PlaceName, $"There is a place called {name} already");
        }

        if (reader.HasErrors)
        {
            return EditResult<Place>.Invalid(reader.Errors);
        }

        if (version is null)
        {
            return EditResult<Place>.VersionMissing();
        }

        return await Unique(db.SaveVersionedAsync(place, version, Current(id), () =>
        {
            place.Name = name!;
            place.Kind = kind;
        }, ct));
    }

    public async Task<EditResult<Place>> RemoveAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var place = await db.Places.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (place is null)
        {
            return EditResult<Place>.NotFound();
        }

        if (!Permissions.CanManagePlaces(actor))
        {
            return EditResult<Place>.Forbidden(WhyNot(actor));
        }

        var usedBy = await db.BreakdownMembers.Where(m => m.PlaceId == id).Select(m => m.Breakdown!.Indicator!.Code ?? m.Breakdown.Indicator.Title).ToListAsync(ct);
        if (usedBy.Count > 0)
        {
            return EditResult<Place>.Refused($"{place.Name} is part of the breakdown of {string.Join(", ", usedBy)}: take it out of {(usedBy.Count == 1 ? "that breakdown" : "those breakdowns")} first.");
        }

        return await db.SaveVersionedAsync(place, version, Current(id), () => db.Places.Remove(place), ct);
    }

    /// <summary>
    /// Adds the places of a pasted list, one a line: "Name" or "Name, kind" (a comma or a tab between them, as a
    /// spreadsheet copies). Names already in the list are left as they are; a line that cannot be saved is an error
    /// against its line number, and then nothing is added.
    /// </summary>
    public async Task<EditResult<IReadOnlyList<Place>>> AddListAsync(Actor? actor, string? list, string? defaultKind, CancellationToken ct = default)
    {
        if (!Permissions.CanManagePlaces(actor))
        {
            return EditResult<IReadOnlyList<Place>>.Forbidden(WhyNot(actor));
        }

        var lines = (list ?? "").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var known = (await db.Places.Select(p => p.Name).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var added = new List<Place>();
        var order = await db.Places.Select(p => (int?)p.SortOrder).MaxAsync(ct) ?? -1;
        for (var n = 0; n < lines.Count; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n]))
            {
                continue;
            }

            var parts = lines[n].Split(['\t', ','], 2);
            var reader = new FieldReader();
            var (name, kind) = Read(reader, new PlaceInput(parts[0], parts.Length > 1 ? parts[1] : defaultKind));
            if (reader.HasErrors)
            {
                problems.Add($"Line {n + 1}: {reader.Errors.Values.First()}");
                continue;
            }

            if (known.Add(name!))
            {
                added.Add(new Place { OrganisationId = db.Scope.RequireId(), Name = name!, Kind = kind, SortOrder = ++order });
            }
        }

        if (problems.Count > 0 || added.Count + known.Count > BreakdownLimits.MaxMembers)
        {
            var message = problems.Count > 0 ? string.Join("; ", problems.Take(5)) : $"An organisation can have at most {BreakdownLimits.MaxMembers} places";
            return EditResult<IReadOnlyList<Place>>.Invalid(BreakdownFields.PlaceList, message);
        }

        if (added.Count == 0)
        {
            return EditResult<IReadOnlyList<Place>>.Invalid(BreakdownFields.PlaceList, "Enter the places to add, one a line");
        }

        db.Places.AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return EditResult<IReadOnlyList<Place>>.Refused("Someone else added some of these places at the same moment. Nothing of yours has been saved: try again.");
        }

        return EditResult<IReadOnlyList<Place>>.Done(added);
    }

    private static (string? Name, string? Kind) Read(FieldReader reader, PlaceInput input) => (
        reader.Text(input.Name, BreakdownFields.PlaceName, "name", BreakdownLimits.PlaceNameMaxLength, required: true),
        reader.Text(input.Kind, BreakdownFields.PlaceKind, "kind of place", BreakdownLimits.PlaceKindMaxLength));

    private async Task<EditResult<Place>> SaveAsync(Place place, CancellationToken ct)
    {
        try
        {
            return await db.SaveAsync(place, Current(place.Id), ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return EditResult<Place>.Invalid(BreakdownFields.PlaceName, $"There is a place called {place.Name} already");
        }
    }

    private async Task<EditResult<Place>> Unique(Task<EditResult<Place>> save)
    {
        try
        {
            return await save;
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return EditResult<Place>.Invalid(BreakdownFields.PlaceName, "There is a place with that name already");
        }
    }

    private Func<CancellationToken, Task<Place?>> Current(int id) => ct => db.Places.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
}
