using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;

namespace Waymark.Core.Rounds;

/// <summary>An organisation's round settings as typed: whole numbers of days (auto-close empty: rounds close only by hand).</summary>
public sealed record RoundSettingsInput(string? ReturnsWorkingDays, string? SignOffWorkingDays, string? GraceDays, string? AutoCloseDays, string? ClosingSoonDays);

/// <summary>A change to the bank holidays: the day (read by the form), whether it is a closure added or a bank holiday worked, and what it is.</summary>
public sealed record BankHolidayChangeInput(DateOnly? Date, bool IsHoliday, string? Name);

/// <summary>The field names of the round settings forms, as errors are keyed.</summary>
public static class RoundSettingsFields
{
    public const string ReturnsWorkingDays = "returns-working-days";
    public const string SignOffWorkingDays = "sign-off-working-days";
    public const string GraceDays = "grace-days";
    public const string AutoCloseDays = "auto-close-days";
    public const string ClosingSoonDays = "closing-soon-days";
    public const string Date = "date";
    public const string Kind = "kind";
    public const string Name = "name";
}

/// <summary>One day of a year's calendar as the settings page lists it: a bank holiday (perhaps worked) or a closure added.</summary>
public sealed record HolidayRow(DateOnly Date, string Name, bool EnglandAndWales, bool Worked, BankHolidayChange? Change);

/// <summary>
/// The defaults a new round starts from (deadlines in working days, grace, auto-close, "closing soon") and the
/// organisation's changes to the England and Wales bank holidays: administrators only. A moved bank holiday is two
/// changes: the usual day worked, the new day added.
/// </summary>
public sealed class RoundSettingsEditor(WaymarkDbContext db)
{
    public const string NotAllowed = "Only administrators can change the organisation's round settings and bank holidays.";

    public async Task<EditResult<Organisation>> OpenAsync(Actor? actor, CancellationToken ct = default) =>
        !Permissions.CanManageOrganisation(actor) ? EditResult<Organisation>.Forbidden(NotAllowed)
            : await CurrentAsync(ct) is { } organisation ? EditResult<Organisation>.Done(organisation)
            : EditResult<Organisation>.NotFound();

    /// <summary>The England and Wales bank holidays of <paramref name="year"/> with the organisation's changes, by date.</summary>
    public async Task<IReadOnlyList<HolidayRow>> CalendarAsync(int year, CancellationToken ct = default)
    {
        var changes = (await db.BankHolidayChanges.AsNoTracking().ToListAsync(ct)).Where(c => c.Date.Year == year).ToDictionary(c => c.Date);
        var rows = WorkingDays.EnglandAndWales(year)
            .Select(h => new HolidayRow(h.Date, h.Name, true, changes.TryGetValue(h.Date, out var c) && !c.IsHoliday, changes.GetValueOrDefault(h.Date)))
            .ToList();
        rows.AddRange(changes.Values.Where(c => c.IsHoliday && rows.All(r => r.Date != c.Date))
            .Select(c => new HolidayRow(c.Date, c.Name ?? "Closure day", false, false, c)));
        return [.. rows.OrderBy(r => r.Date)];
    }

    public async Task<EditResult<Organisation>> SaveAsync(Actor? actor, Guid? version, RoundSettingsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageOrganisation(actor))
        {
            return EditResult<Organisation>.Forbidden(NotAllowed);
        }

        var fields = new FieldReader();
        var returns = Days(fields, input.ReturnsWorkingDays, RoundSettingsFields.ReturnsWorkingDays, "how many working days after the period ends returns are due", 1, RoundLimits.MaxWorkingDays, required: true);
        var signOff = Days(fields, input.SignOffWorkingDays, RoundSettingsFields.SignOffWorkingDays, "how many working days after the returns deadline sign-off is due", 0, RoundLimits.MaxWorkingDays, required: true);
        var grace = Days(fields, input.GraceDays, RoundSettingsFields.GraceDays, "the grace days", 0, RoundLimits.MaxDays, required: false) ?? 0;
        var autoClose = Days(fields, input.AutoCloseDays, RoundSettingsFields.AutoCloseDays, "the days after the sign-off deadline", 0, RoundLimits.MaxDays, required: false);
        var closingSoon = Days(fields, input.ClosingSoonDays, RoundSettingsFields.ClosingSoonDays, "how many working days before the deadline owners are told", 0, RoundLimits.MaxWorkingDays, required: true);
        if (fields.HasErrors)
        {
            return EditResult<Organisation>.Invalid(fields.Errors);
        }

        if (version is not { } expected)
        {
            return EditResult<Organisation>.VersionMissing();
        }

        var id = db.Scope.RequireId();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == id, ct);
        return await db.SaveVersionedAsync(organisation, expected, CurrentAsync, () =>
        {
            organisation.ReturnsWorkingDays = returns!.Value;
            organisation.SignOffWorkingDays = signOff!.Value;
            organisation.RoundGraceDays = grace;
            organisation.RoundAutoCloseDays = autoClose;
            organisation.ClosingSoonWorkingDays = closingSoon!.Value;
        }, ct);
    }

    /// <summary>Adds a closure day, or marks an England and Wales bank holiday as worked.</summary>
    public async Task<EditResult<BankHolidayChange>> AddChangeAsync(Actor? actor, BankHolidayChangeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageOrganisation(actor))
        {
            return EditResult<BankHolidayChange>.Forbidden(NotAllowed);
        }

        var fields = new FieldReader();
        var date = input.Date;
        if (date is null)
        {
            fields.Fail(RoundSettingsFields.Date, "Enter the date");
        }

        var name = input.IsHoliday ? fields.Text(input.Name, RoundSettingsFields.Name, "name for the closure day", RoundLimits.NameMaxLength, required: true) : null;
        if (date is { } d)
        {
            var bankHoliday = WorkingDays.IsEnglandAndWalesBankHoliday(d);
            if (await db.BankHolidayChanges.AnyAsync(c => c.Date == d, ct))
            {
                fields.Fail(RoundSettingsFields.Date, $"There is already a change for {WorkingDays.Describe(d)}: remove it first");
            }
            else if (input.IsHoliday && bankHoliday)
            {
                fields.Fail(RoundSettingsFields.Date, $"{WorkingDays.Describe(d)} is a bank holiday already");
            }
            else if (input.IsHoliday && d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                fields.Fail(RoundSettingsFields.Date, $"{WorkingDays.Describe(d)} is a weekend day, which is never a working day: choose a weekday");
            }
            else if (!input.IsHoliday && !bankHoliday)
            {
                fields.Fail(RoundSettingsFields.Date, $"{WorkingDays.Describe(d)} is not an England and Wales bank holiday, so it is a working day already");
            }
        }

        if (fields.HasErrors)
        {
            return EditResult<BankHolidayChange>.Invalid(fields.Errors);
        }

        var change = new BankHolidayChange { OrganisationId = db.Scope.RequireId(), Date = date!.Value, IsHoliday = input.IsHoliday, Name = name };
        db.BankHolidayChanges.Add(change);
        try
        {
            return await db.SaveAsync(change, _ => Task.FromResult<BankHolidayChange?>(null), ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Added for the same day by someone else meanwhile.
            db.ChangeTracker.Clear();
            return EditResult<BankHolidayChange>.Invalid(RoundSettingsFields.Date, $"There is already a change for {WorkingDays.Describe(change.Date)}: remove it first");
        }
    }

    /// <summary>Removes a change: the day counts as England and Wales has it again.</summary>
    public async Task<EditResult<BankHolidayChange>> RemoveChangeAsync(Actor? actor, int id, CancellationToken ct = default)
    {
        var change = await db.BankHolidayChanges.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (change is null)
        {
            return EditResult<BankHolidayChange>.NotFound();
        }

        if (!Permissions.CanManageOrganisation(actor))
        {
            return EditResult<BankHolidayChange>.Forbidden(NotAllowed);
        }

        db.BankHolidayChanges.Remove(change);
        return await db.SaveAsync(change, _ => Task.FromResult<BankHolidayChange?>(null), ct);
    }

    private static int? Days(FieldReader fields, string? text, string field, string what, int min, int max, bool required)
    {
        if (FieldReader.Clean(text) is not { } cleaned)
        {
            if (required)
            {
                fields.Fail(field, $"Enter {what}");
            }

            return null;
        }

        if (!int.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < min || days > max)
        {
            fields.Fail(field, $"The number of days must be a whole number from {min} to {max}");
            return null;
        }

        return days;
    }

    private Task<Organisation?> CurrentAsync(CancellationToken ct)
    {
        var id = db.Scope.RequireId();
        return db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
    }
}
