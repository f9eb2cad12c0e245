using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;

namespace Waymark.Core.Messages;

/// <summary>The reminder and escalation schedule as typed: whole numbers of working days.</summary>
public sealed record ReminderScheduleInput(string? DaysBefore, string? RepeatDays, string? ManagerDays, string? DirectorDays);

public static class ReminderScheduleFields
{
    public const string DaysBefore = "days-before";
    public const string RepeatDays = "repeat-days";
    public const string ManagerDays = "manager-days";
    public const string DirectorDays = "director-days";
}

/// <summary>Changes when reminders start, how often they repeat, and when they escalate: administrators only.</summary>
public sealed class ReminderScheduleEditor(WaymarkDbContext db)
{
    public const int MaxDays = 60;

    public async Task<EditResult<Organisation>> OpenAsync(Actor? actor, CancellationToken ct = default) =>
        !Permissions.CanManageMessages(actor) ? EditResult<Organisation>.Forbidden(MessageTemplateEditor.NotAllowed)
            : await CurrentAsync(ct) is { } organisation ? EditResult<Organisation>.Done(organisation)
            : EditResult<Organisation>.NotFound();

    public async Task<EditResult<Organisation>> SaveAsync(Actor? actor, Guid? version, ReminderScheduleInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageMessages(actor))
        {
            return EditResult<Organisation>.Forbidden(MessageTemplateEditor.NotAllowed);
        }

        var fields = new FieldReader();
        var before = Days(fields, input.DaysBefore, ReminderScheduleFields.DaysBefore, "how many working days before the deadline reminders start", 0);
        var repeat = Days(fields, input.RepeatDays, ReminderScheduleFields.RepeatDays, "how often, in working days, an overdue return is reminded", 1);
        var manager = Days(fields, input.ManagerDays, ReminderScheduleFields.ManagerDays, "after how many working days overdue the manager is told", 1);
        var director = Days(fields, input.DirectorDays, ReminderScheduleFields.DirectorDays, "after how many working days overdue the director is told", 1);
        if (manager is { } m && director is { } d && d <= m)
        {
            fields.Fail(ReminderScheduleFields.DirectorDays, "The director must be told later than the manager: enter more days than for the manager");
        }

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
            organisation.ReminderDaysBefore = before!.Value;
            organisation.ReminderRepeatDays = repeat!.Value;
            organisation.EscalateToManagerDays = manager!.Value;
            organisation.EscalateToDirectorDays = director!.Value;
        }, ct);
    }

    private static int? Days(FieldReader fields, string? text, string field, string what, int min)
    {
        if (FieldReader.Clean(text) is null)
        {
            fields.Fail(field, $"Enter {what}");
            return null;
        }

        if (!int.TryParse(text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days < min || days > MaxDays)
        {
            fields.Fail(field, $"The number of working days must be a whole number from {min} to {MaxDays}");
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
