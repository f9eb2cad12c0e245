using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Corrections;

/// <summary>A lock exception as entered: the unit, optionally one person, from (today when empty) and until, and why.</summary>
public sealed record LockExceptionInput(int? UnitId, int? PersonId, DateOnly? From, DateOnly? Until, string? Reason);

/// <summary>The field names of a lock exception, as in forms and API bodies.</summary>
public static class LockExceptionFields
{
    public const string UnitId = "unitId";
    public const string PersonId = "personId";
    public const string From = "from";
    public const string Until = "until";
    public const string Reason = "reason";
}

/// <summary>
/// Grants and ends lock exceptions (administrators and performance officers): leave for a unit, or one person in it, to
/// correct records of locked periods until an end date. Ending one keeps it, marked ended, for the record.
/// </summary>
public sealed class LockExceptionEditor(WaymarkDbContext db, TimeProvider clock)
{
    public async Task<EditResult<LockException>> GrantAsync(Actor? actor, LockExceptionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageLockExceptions(actor))
        {
            return EditResult<LockException>.Forbidden(WhyCannotManage(actor));
        }

        var today = db.Scope.Today(clock);
        var fields = new FieldReader();
        if (input.UnitId is not { } unitId)
        {
            fields.Fail(LockExceptionFields.UnitId, "Choose the unit the exception is for");
        }
        else if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            fields.Fail(LockExceptionFields.UnitId, "Choose a unit from the list");
        }

        if (input.PersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            fields.Fail(LockExceptionFields.PersonId, "Choose a person from the list, or leave it empty for anyone who updates the unit's records");
        }

        var from = input.From ?? today;
        if (input.Until is not { } until)
        {
            fields.Fail(LockExceptionFields.Until, "Enter the date the exception ends");
        }
        else if (until < today)
        {
            fields.Fail(LockExceptionFields.Until, "The end date must be today or later");
        }
        else if (until < from)
        {
            fields.Fail(LockExceptionFields.Until, "The end date must be the same as or after the start date");
        }

        var reason = fields.Text(input.Reason, LockExceptionFields.Reason, "reason", CorrectionLimits.ReasonMaxLength, required: true);
        if (fields.HasErrors)
        {
            return EditResult<LockException>.Invalid(fields.Errors);
        }

        var exception = new LockException
        {
            OrganisationId = actor!.OrganisationId, UnitId = input.UnitId!.Value, PersonId = input.PersonId, From = from, Until = input.Until!.Value,
            Reason = reason!, GrantedByUserId = actor.UserId, GrantedByName = actor.Name, GrantedAt = clock.GetUtcNow(),
        };
        db.LockExceptions.Add(exception);
        return await db.SaveVersionedAsync(exception, null, Current(0), null, ct);
    }

    /// <summary>Ends an exception now, given the version read; it stays listed, marked ended.</summary>
    public async Task<EditResult<LockException>> EndAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var exception = await db.LockExceptions.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (exception is null)
        {
            return EditResult<LockException>.NotFound();
        }

        if (!Permissions.CanManageLockExceptions(actor))
        {
            return EditResult<LockException>.Forbidden(WhyCannotManage(actor));
        }

        if (exception.EndedAt is not null || exception.Until < db.Scope.Today(clock))
        {
            return EditResult<LockException>.Refused("This exception has already ended.");
        }

        if (version is not { } expected)
        {
            return EditResult<LockException>.VersionMissing();
        }

        return await db.SaveVersionedAsync(exception, expected, Current(id), () =>
        {
            exception.EndedAt = clock.GetUtcNow();
            exception.EndedByName = actor!.Name;
        }, ct);
    }

    /// <summary>The check before the exceptions' forms: whether the actor may grant and end them.</summary>
    public static EditResult<LockException>? Refusal(Actor? actor) =>
        Permissions.CanManageLockExceptions(actor) ? null : EditResult<LockException>.Forbidden(WhyCannotManage(actor));

    public static string WhyCannotManage(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can manage its lock exceptions.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        _ => "Only performance officers and administrators can grant or end lock exceptions.",
    };

    private Func<CancellationToken, Task<LockException?>> Current(int id) =>
        ct => db.LockExceptions.AsNoTracking().Include(e => e.Unit).Include(e => e.Person).SingleOrDefaultAsync(e => e.Id == id, ct);
}
