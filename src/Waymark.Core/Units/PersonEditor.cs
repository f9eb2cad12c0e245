using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Units;

public sealed record PersonInput(string? Name, PersonKind? Kind, int? UnitId);

public sealed record PortfolioHolderInput(int? PersonId, string? Portfolio, string? Note);

/// <summary>
/// Adds and changes the organisation's people (officers and councillors) and the councillors holding portfolios that
/// cover a unit, for pages and the API alike: only for those <see cref="Permissions.CanManageStructure"/> allows;
/// validated; stale versions refused; audited by the DbContext.
/// </summary>
public sealed class PersonEditor(WaymarkDbContext db)
{
    /// <summary>The check a page makes before showing a person's form: the person (untracked).</summary>
    public async Task<EditResult<Person>> OpenAsync(Actor? actor, int id, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        return person is null ? EditResult<Person>.NotFound()
            : !UnitEditor.MayChange(actor) ? EditResult<Person>.Forbidden(UnitEditor.NotAllowed)
            : EditResult<Person>.Done(person);
    }

    public async Task<EditResult<Person>> CreatePersonAsync(Actor? actor, PersonInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!UnitEditor.MayChange(actor))
        {
            return EditResult<Person>.Forbidden(UnitEditor.NotAllowed);
        }

        var fields = await ValidatePersonAsync(input, ct);
        if (fields.HasErrors)
        {
            return EditResult<Person>.Invalid(fields.Errors);
        }

        var person = new Person { OrganisationId = db.Scope.RequireId(), Name = input.Name!.Trim() };
        Apply(person, input);
        db.People.Add(person);
        return await db.SaveAsync(person, c => CurrentPersonAsync(person.Id, c), ct);
    }

    public async Task<EditResult<Person>> UpdatePersonAsync(Actor? actor, int id, Guid version, PersonInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return EditResult<Person>.NotFound();
        }

        if (!UnitEditor.MayChange(actor))
        {
            return EditResult<Person>.Forbidden(UnitEditor.NotAllowed);
        }

        var fields = await ValidatePersonAsync(input, ct);
        if (fields.HasErrors)
        {
            return EditResult<Person>.Invalid(fields.Errors);
        }

        return await db.SaveVersionedAsync(person, version, c => CurrentPersonAsync(id, c), () => Apply(person, input), ct);
    }

    public async Task<EditResult<PortfolioHolder>> AddPortfolioHolderAsync(Actor? actor, int unitId, PortfolioHolderInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            return EditResult<PortfolioHolder>.NotFound();
        }

        if (!UnitEditor.MayChange(actor))
        {
            return EditResult<PortfolioHolder>.Forbidden(UnitEditor.NotAllowed);
        }

        var fields = new FieldReader();
        if (input.PersonId is not { } personId || !await db.People.AnyAsync(p => p.Id == personId && p.Kind == PersonKind.Councillor, ct))
        {
            fields.Fail(UnitFields.PersonId, input.PersonId is null ? "Choose a councillor" : "Choose a councillor from the list");
        }

        var portfolio = fields.Text(input.Portfolio, UnitFields.Portfolio, "portfolio", UnitEditor.NameMaxLength, required: true);
        var note = fields.Text(input.Note, UnitFields.Note, "note", UnitEditor.NameMaxLength);
        if (fields.HasErrors)
        {
            return EditResult<PortfolioHolder>.Invalid(fields.Errors);
        }

        var siblings = db.PortfolioHolders.Where(h => h.UnitId == unitId);
        var holder = new PortfolioHolder
        {
            OrganisationId = db.Scope.RequireId(),
            UnitId = unitId,
            PersonId = input.PersonId!.Value,
            Portfolio = portfolio!,
            Note = note,
            SortOrder = await siblings.AnyAsync(ct) ? await siblings.MaxAsync(h => h.SortOrder, ct) + 1 : 0,
        };
        db.PortfolioHolders.Add(holder);
        return await db.SaveAsync(holder, c => CurrentHolderAsync(holder.Id, c), ct);
    }

    public async Task<EditResult<PortfolioHolder>> RemovePortfolioHolderAsync(Actor? actor, int unitId, int id, CancellationToken ct = default)
    {
        var holder = await db.PortfolioHolders.SingleOrDefaultAsync(h => h.Id == id && h.UnitId == unitId, ct);
        if (holder is null)
        {
            return EditResult<PortfolioHolder>.NotFound();
        }

        if (!UnitEditor.MayChange(actor))
        {
            return EditResult<PortfolioHolder>.Forbidden(UnitEditor.NotAllowed);
        }

        db.PortfolioHolders.Remove(holder);
        return await db.SaveAsync(holder, c => CurrentHolderAsync(id, c), ct);
    }

    private async Task<FieldReader> ValidatePersonAsync(PersonInput input, CancellationToken ct)
    {
        var fields = new FieldReader();
        fields.Text(input.Name, UnitFields.Name, "name", UnitEditor.NameMaxLength, required: true);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            fields.Fail(UnitFields.Kind, "Choose whether this person is an officer or a councillor");
        }

        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            fields.Fail(UnitFields.UnitId, "Choose a unit from the list");
        }

        return fields;
    }

    private static void Apply(Person person, PersonInput input)
    {
        person.Name = input.Name!.Trim();
        person.Kind = input.Kind!.Value;
        person.UnitId = input.UnitId;
    }

    private Task<Person?> CurrentPersonAsync(int id, CancellationToken ct) =>
        db.People.AsNoTracking().Include(p => p.Unit).SingleOrDefaultAsync(p => p.Id == id, ct);

    private Task<PortfolioHolder?> CurrentHolderAsync(int id, CancellationToken ct) =>
        db.PortfolioHolders.AsNoTracking().Include(h => h.Person).SingleOrDefaultAsync(h => h.Id == id, ct);
}
