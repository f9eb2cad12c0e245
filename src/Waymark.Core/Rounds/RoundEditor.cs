using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

namespace Waymark.Core.Rounds;

/// <summary>
/// Opens and closes monitoring rounds, for performance officers and administrators (<see cref="Permissions.CanRunRounds"/>).
/// Opening builds every owner's return from the round's scope (<see cref="RoundScope"/>); one round per organisation and
/// period; every owner is told the round has opened, in the same save. Closing is recorded with who and when; a round past
/// its auto-close day is closed already.
/// </summary>
public sealed class RoundEditor(WaymarkDbContext db, TimeProvider clock, Returns.ReturnNotices notices)
{
    public const string NotAllowed = "Only performance officers and administrators can open and close monitoring rounds.";

    public DateOnly Today => db.Scope.Today(clock);

    /// <summary>
    /// What the "open a round" form starts from, for those who may run rounds: the periods that have ended (recent
    /// quarters, months and years, newest first, each marked when it has a round already), the one chosen (the quarter
    /// just ended by default), and that period's deadlines from the organisation's settings.
    /// </summary>
    public async Task<EditResult<OpenRoundForm>> OpenFormAsync(Actor? actor, string? period, CancellationToken ct = default)
    {
        if (!Permissions.CanRunRounds(actor))
        {
            return EditResult<OpenRoundForm>.Forbidden(NotAllowed);
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Scope.RequireId(), ct);
        var yearStart = organisation.YearStartMonth;
        var today = organisation.Today(clock);
        var taken = (await db.MonitoringRounds.AsNoTracking().Select(r => r.Period).ToListAsync(ct)).ToHashSet();
        var choices = new List<Period>();
        choices.AddRange(Recent(RoundRules.PeriodJustEnded(today, PeriodKind.Quarter, yearStart), 8));
        choices.AddRange(Recent(RoundRules.PeriodJustEnded(today, PeriodKind.Month, yearStart), 12));
        choices.AddRange(Recent(RoundRules.PeriodJustEnded(today, PeriodKind.Year, yearStart), 3));
        var chosen = Period.TryFromCode(period, out var asked) && choices.Contains(asked)
            ? asked
            : RoundRules.PeriodJustEnded(today, PeriodKind.Quarter, yearStart);
        var deadlines = RoundRules.DefaultDeadlines(organisation, chosen, await CalendarAsync(ct));
        return EditResult<OpenRoundForm>.Done(new OpenRoundForm(
            [.. choices.Select(p => new PeriodChoice(p, p.Format(yearStart), taken.Contains(p)))],
            chosen, deadlines, organisation.RoundGraceDays, organisation.RoundAutoCloseDays, organisation.ReturnsWorkingDays, organisation.SignOffWorkingDays));
    }

    private static IEnumerable<Period> Recent(Period latest, int count)
    {
        var p = latest;
        for (var i = 0; i < count; i++, p = p.Previous())
        {
            yield return p;
        }
    }

    /// <summary>The check the close page makes before it shows: the round exists, the actor may close it, and it is open.</summary>
    public async Task<EditResult<MonitoringRound>> OpenToCloseAsync(Actor? actor, int id, CancellationToken ct = default)
    {
        var round = await db.MonitoringRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return EditResult<MonitoringRound>.NotFound();
        }

        if (!Permissions.CanRunRounds(actor))
        {
            return EditResult<MonitoringRound>.Forbidden(NotAllowed);
        }

        return RoundRules.IsClosed(round, Today) ? EditResult<MonitoringRound>.Refused(AlreadyClosed(round)) : EditResult<MonitoringRound>.Done(round);
    }

    /// <summary>
    /// Opens a round for a period that has ended, with its deadlines (the organisation's defaults where the input leaves
    /// them empty), and makes every owner's return with its items.
    /// </summary>
    public async Task<EditResult<MonitoringRound>> OpenAsync(Actor? actor, OpenRoundInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanRunRounds(actor))
        {
            return EditResult<MonitoringRound>.Forbidden(NotAllowed);
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Scope.RequireId(), ct);
        var yearStart = organisation.YearStartMonth;
        var today = organisation.Today(clock);
        var fields = new FieldReader();
        var period = ReadPeriod(input.Period, yearStart, today, fields);
        var grace = ReadDays(input.GraceDays, RoundFields.GraceDays, "grace days", fields) ?? 0;
        var autoClose = ReadDays(input.AutoCloseDays, RoundFields.AutoCloseDays, "days after the sign-off deadline the round closes", fields);
        RoundDeadlines? defaults = null;
        if (period is { } p)
        {
            var calendar = await CalendarAsync(ct);
            defaults = RoundRules.DefaultDeadlines(organisation, p, calendar);
            if (await db.MonitoringRounds.AnyAsync(r => r.Period == p, ct))
            {
                fields.Fail(RoundFields.Period, AlreadyOpen(p, yearStart));
            }
        }

        var returnsDeadline = input.ReturnsDeadline ?? defaults?.Returns;
        var signOffDeadline = input.SignOffDeadline ?? defaults?.SignOff;
        if (period is { } ended && returnsDeadline is { } r && r <= ended.End)
        {
            fields.Fail(RoundFields.ReturnsDeadline, $"The returns deadline must be after the period ends ({WorkingDays.Describe(ended.End)})");
        }

        if (returnsDeadline is { } rd && signOffDeadline is { } sd && sd < rd)
        {
            fields.Fail(RoundFields.SignOffDeadline, "The sign-off deadline must be on or after the returns deadline");
        }

        if (fields.HasErrors)
        {
            return EditResult<MonitoringRound>.Invalid(fields.Errors);
        }

        var round = new MonitoringRound
        {
            OrganisationId = organisation.Id,
            Period = period!.Value,
            OpenedAt = clock.GetUtcNow(),
            OpenedByUserId = actor!.UserId,
            OpenedByName = actor.Name,
            ReturnsDeadline = returnsDeadline!.Value,
            SignOffDeadline = signOffDeadline!.Value,
            GraceDays = grace,
            AutoCloseDays = autoClose,
        };
        round.Returns.AddRange(await new RoundScope(db, clock).ReturnsAsync(organisation, round.Period, ct));
        db.MonitoringRounds.Add(round);
        await notices.StageRoundOpenedAsync(organisation, round, ct);
        try
        {
            return await db.SaveVersionedAsync(round, null, _ => Task.FromResult<MonitoringRound?>(null), ct: ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Someone opened the same round between the check above and this save.
            db.ChangeTracker.Clear();
            return EditResult<MonitoringRound>.Invalid(RoundFields.Period, AlreadyOpen(round.Period, yearStart));
        }
    }

    /// <summary>Closes an open round, given the version the person saw.</summary>
    public async Task<EditResult<MonitoringRound>> CloseAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var round = await db.MonitoringRounds.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return EditResult<MonitoringRound>.NotFound();
        }

        if (!Permissions.CanRunRounds(actor))
        {
            return EditResult<MonitoringRound>.Forbidden(NotAllowed);
        }

        var today = Today;
        if (RoundRules.IsClosed(round, today))
        {
            return EditResult<MonitoringRound>.Refused(AlreadyClosed(round));
        }

        if (version is null)
        {
            return EditResult<MonitoringRound>.VersionMissing();
        }

        return await db.SaveVersionedAsync(round, version, c => db.MonitoringRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, c), () =>
        {
            round.ClosedAt = clock.GetUtcNow();
            round.ClosedOn = today;
            round.ClosedByUserId = actor!.UserId;
            round.ClosedByName = actor.Name;
        }, ct);
    }

    /// <summary>The organisation's holidays: England and Wales with its own changes.</summary>
    public async Task<HolidayCalendar> CalendarAsync(CancellationToken ct = default) =>
        HolidayCalendar.For(await db.BankHolidayChanges.AsNoTracking().ToListAsync(ct));

    private string AlreadyClosed(MonitoringRound round)
    {
        var yearStart = db.Scope.Organisation?.YearStartMonth ?? Organisations.Organisation.DefaultYearStartMonth;
        return round.ClosedByName is { } by
            ? $"The {round.Title(yearStart)} was closed by {by}."
            : $"The {round.Title(yearStart)} closed by itself {round.AutoCloseDays} days after its sign-off deadline.";
    }

    private static string AlreadyOpen(Period period, int yearStart) =>
        $"There is already a monitoring round for {period.Format(yearStart)}. Choose another period, or go to that round";

    private static Period? ReadPeriod(string? text, int yearStart, DateOnly today, FieldReader fields)
    {
        var cleaned = FieldReader.Clean(text);
        if (cleaned is null)
        {
            fields.Fail(RoundFields.Period, "Select the period the round is for");
            return null;
        }

        Period? period = Period.TryFromCode(cleaned, out var coded) ? coded : PeriodText.Parse(cleaned, yearStart).Period;
        if (period is not { } p || PeriodText.Parse(cleaned, yearStart) is { Approximate: true } && !Period.TryFromCode(cleaned, out _))
        {
            fields.Fail(RoundFields.Period, "Enter the period as a month, quarter or year, like Q3 2011/12, Dec 2011 or 2011/12");
            return null;
        }

        if (p.Kind == PeriodKind.Quarter && (((p.StartMonth - yearStart) + 12) % 3) != 0)
        {
            fields.Fail(RoundFields.Period, "The quarter must be a quarter of the organisation's year");
            return null;
        }

        if (p.Kind == PeriodKind.Year && p.StartMonth != yearStart)
        {
            fields.Fail(RoundFields.Period, "The year must be one of the organisation's financial years");
            return null;
        }

        if (p.End >= today)
        {
            fields.Fail(RoundFields.Period, $"A round can be opened only for a period that has ended: {p.Format(yearStart)} ends on {WorkingDays.Describe(p.End)}");
            return null;
        }

        return p;
    }

    private static int? ReadDays(string? text, string field, string label, FieldReader fields)
    {
        var cleaned = FieldReader.Clean(text);
        if (cleaned is null)
        {
            return null;
        }

        if (!int.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days > RoundLimits.MaxDays)
        {
            fields.Fail(field, $"The number of {label} must be a whole number from 0 to {RoundLimits.MaxDays}");
            return null;
        }

        return days;
    }
}
