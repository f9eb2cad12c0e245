using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Rounds;

namespace Waymark.Core.Messages;

/// <summary>An owner whose return is outstanding, as the round's reminders page shows them.</summary>
public sealed record OutstandingOwner(OutstandingReturn Return, int WorkingDaysOverdue, string? Address);

/// <summary>
/// Turns the open rounds' outstanding returns into today's reminders and escalations (<see cref="ReminderRules"/>),
/// written through <see cref="Notices"/>: a notice for each person and, with e-mail, one consolidated message a day; and
/// "round closing soon" to owners with nothing else that day (<see cref="ReminderRules.ClosingSoon"/>).
/// Also "send a reminder now" from a round's page, at most once an hour a person.
/// </summary>
public sealed class ReminderPlanner(WaymarkDbContext db, Notices notices, MailSettings mail, TimeProvider clock)
{
    /// <summary>The least time between two reminders sent by hand to one person.</summary>
    public static readonly TimeSpan SendNowInterval = TimeSpan.FromHours(1);

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Plans today's messages; writes them unless <paramref name="dryRun"/>. One line a message, for the command line.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(bool dryRun, CancellationToken ct = default)
    {
        var organisation = db.Scope.Organisation ?? throw new InvalidOperationException("No organisation has been chosen.");
        var today = organisation.Today(clock);
        var calendar = await CalendarAsync(ct);
        var outstanding = await OutstandingAsync(null, ct);
        var plan = ReminderRules.Plan(today, outstanding, ReminderSchedule.Of(organisation), calendar.IsWorkingDay);
        var closing = ReminderRules.ClosingSoon(today, outstanding, organisation.ClosingSoonWorkingDays, plan, calendar.IsWorkingDay);
        var told = plan.Select(x => x.PersonId).Concat(closing.Select(x => x.PersonId)).ToList();
        var names = await db.People.AsNoTracking().Where(p => told.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var lines = new List<string>();
        foreach (var message in plan)
        {
            var address = await notices.AddressAsync(message.PersonId, ct);
            var written = dryRun || await notices.SendAsync(organisation.Id, message.PersonId, message.Kind, Placeholders(message), Link(message), null, ct) is not null;
            var to = mail.IsConfigured && address is not null ? $"e-mail to {address}" : "in-app notice only (no e-mail)";
            lines.Add($"{message.Kind.Words()} for {names.GetValueOrDefault(message.PersonId, $"person {message.PersonId}")}: " +
                      $"{message.Own.Count} own, {message.Escalated.Count} escalated; {to}{(written ? "" : "; already written today")}");
        }

        foreach (var soon in closing)
        {
            var address = await notices.AddressAsync(soon.PersonId, ct);
            var written = dryRun || await notices.SendAsync(organisation.Id, soon.PersonId, NoticeKind.RoundClosingSoon, Placeholders(soon), soon.Returns[0].Link, null, ct) is not null;
            var to = mail.IsConfigured && address is not null ? $"e-mail to {address}" : "in-app notice only (no e-mail)";
            lines.Add($"{NoticeKind.RoundClosingSoon.Words()} for {names.GetValueOrDefault(soon.PersonId, $"person {soon.PersonId}")}: " +
                      $"{soon.Returns.Count} own; {to}{(written ? "" : "; already written today")}");
        }

        return lines;
    }

    /// <summary>The organisation's working days: England and Wales bank holidays with its own changes.</summary>
    public async Task<HolidayCalendar> CalendarAsync(CancellationToken ct = default) =>
        HolidayCalendar.For(await db.BankHolidayChanges.AsNoTracking().ToListAsync(ct));

    /// <summary>Returns still with their owners in open rounds (or in one round), with who is told when they are late.</summary>
    public async Task<IReadOnlyList<OutstandingReturn>> OutstandingAsync(int? roundId, CancellationToken ct = default)
    {
        var organisation = db.Scope.Organisation!;
        var today = organisation.Today(clock);
        var rounds = (await db.MonitoringRounds.AsNoTracking().Where(r => roundId == null || r.Id == roundId).ToListAsync(ct))
            .Where(r => !RoundRules.IsClosed(r, today)).ToDictionary(r => r.Id);
        var ids = rounds.Keys.ToList();
        var returns = await db.RoundReturns.AsNoTracking()
            .Where(r => ids.Contains(r.RoundId) && (r.State == ReturnState.NotStarted || r.State == ReturnState.InProgress || r.State == ReturnState.Returned))
            .Select(r => new { r.Id, r.RoundId, r.PersonId, Name = r.Person!.Name, r.UnitId, PersonUnit = r.Person.UnitId })
            .OrderBy(r => r.Id).ToListAsync(ct);
        var returnIds = returns.Select(r => r.Id).ToList();
        var items = (await db.RoundReturnItems.AsNoTracking().Where(i => returnIds.Contains(i.ReturnId))
            .Select(i => new
            {
                i.ReturnId, i.Kind, i.ValuePeriod,
                Indicator = i.Indicator == null ? null : (i.Indicator.Code == null ? i.Indicator.Title : i.Indicator.Code + " " + i.Indicator.Title),
                Action = i.Action == null ? null : i.Action.Title,
                Milestone = i.Milestone == null ? null : i.Milestone.Title,
                Risk = i.Risk == null ? null : i.Risk.Reference + " " + i.Risk.Title,
            }).ToListAsync(ct))
            .ToLookup(i => i.ReturnId, i => i.Kind switch
            {
                RoundItemKind.IndicatorValue => $"{i.Indicator}, {i.ValuePeriod?.Format(organisation.YearStartMonth)}",
                RoundItemKind.ActionProgress => $"Progress on action: {i.Action}",
                RoundItemKind.MilestoneProgress => $"Progress on milestone: {i.Milestone}",
                RoundItemKind.RiskReview => $"Review of risk: {i.Risk}",
                _ => i.Kind.ToString(),
            });
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, Head = u.HeadPost == null ? null : u.HeadPost.HolderId }).ToDictionaryAsync(u => u.Id, ct);
        int? Head(int? unitId) => unitId is { } id && units.TryGetValue(id, out var unit) ? unit.Head : null;
        int? Top(int? unitId)
        {
            var seen = 0;
            while (unitId is { } id && units.TryGetValue(id, out var unit) && unit.ParentId is not null && seen++ < units.Count)
            {
                unitId = unit.ParentId;
            }

            return unitId;
        }

        return returns.Select(r =>
        {
            var unit = r.UnitId ?? r.PersonUnit;
            var manager = Head(unit);
            // The head of a unit answers to the head of the unit above.
            if (manager == r.PersonId && unit is { } u && units.TryGetValue(u, out var own))
            {
                manager = Head(own.ParentId);
            }

            var round = rounds[r.RoundId];
            return new OutstandingReturn(r.Id, round.Label(organisation.YearStartMonth), r.PersonId, r.Name, round.ReturnsDeadline,
                manager, Head(Top(unit)), string.Create(CultureInfo.InvariantCulture, $"/{organisation.Slug}/my-return/{r.RoundId}"), [.. items[r.Id]]);
        }).ToList();
    }

    /// <summary>A round's outstanding owners, with working days overdue and their address (for the round's reminders page).</summary>
    public async Task<IReadOnlyList<OutstandingOwner>> OutstandingOwnersAsync(int roundId, CancellationToken ct = default)
    {
        var today = db.Scope.Organisation!.Today(clock);
        var calendar = await CalendarAsync(ct);
        var result = new List<OutstandingOwner>();
        foreach (var item in await OutstandingAsync(roundId, ct))
        {
            result.Add(new OutstandingOwner(item, Math.Max(0, ReminderRules.WorkingDaysOverdue(today, item.Deadline, calendar.IsWorkingDay)),
                await notices.AddressAsync(item.OwnerPersonId, ct)));
        }

        return result;
    }

    /// <summary>
    /// A reminder now to the owner of an outstanding return of a round: the performance team, at most once an hour a
    /// person (a reminder by hand within the hour is refused, saying when the next may go).
    /// </summary>
    public async Task<EditResult<Notice>> SendNowAsync(Actor? actor, int roundId, int returnId, CancellationToken ct = default)
    {
        if (!Permissions.CanSendReminders(actor))
        {
            return EditResult<Notice>.Forbidden("Only the performance team can send reminders.");
        }

        var organisation = db.Scope.Organisation!;
        var outstanding = (await OutstandingAsync(roundId, ct)).SingleOrDefault(r => r.ReturnId == returnId);
        if (outstanding is null)
        {
            return await db.MonitoringRounds.AnyAsync(r => r.Id == roundId, ct)
                ? EditResult<Notice>.Refused("This return is not outstanding: it has been submitted, or its round is closed.")
                : EditResult<Notice>.NotFound();
        }

        var now = clock.GetUtcNow();
        var since = now - SendNowInterval;
        var last = await db.Notices.AsNoTracking().Where(n => n.PersonId == outstanding.OwnerPersonId && n.Kind == NoticeKind.Reminder)
            .OrderByDescending(n => n.Id).Select(n => (DateTimeOffset?)n.CreatedAt).FirstOrDefaultAsync(ct);
        if (last is { } at && at > since)
        {
            var next = TimeZoneInfo.ConvertTime(at + SendNowInterval, Periods.UkCalendar.Zone);
            return EditResult<Notice>.Refused(
                $"{outstanding.OwnerName} was sent a reminder less than an hour ago. You can send another from {next.ToString("HH:mm", British)}.");
        }

        var today = organisation.Today(clock);
        var calendar = await CalendarAsync(ct);
        var overdue = ReminderRules.WorkingDaysOverdue(today, outstanding.Deadline, calendar.IsWorkingDay);
        var line = new DueLine(outstanding, overdue > 0 ? ReminderReason.Overdue : overdue == 0 ? ReminderReason.OnDeadline : ReminderReason.BeforeDeadline, overdue);
        var message = new PlannedReminder(outstanding.OwnerPersonId, [line], []);
        var reference = string.Create(CultureInfo.InvariantCulture, $"now/{now.UtcTicks}");
        var notice = await notices.SendAsync(organisation.Id, message.PersonId, NoticeKind.Reminder, Placeholders(message), Link(message), reference, ct);
        return notice is null ? EditResult<Notice>.Refused("A reminder was sent at the same moment by someone else.") : EditResult<Notice>.Done(notice);
    }

    /// <summary>When each of these people was last reminded (by the schedule or by hand), from their notices.</summary>
    public async Task<IReadOnlyDictionary<int, DateTimeOffset>> LastRemindedAsync(IReadOnlyCollection<int> personIds, CancellationToken ct = default) =>
        (await db.Notices.AsNoTracking().Where(n => personIds.Contains(n.PersonId) && n.Kind == NoticeKind.Reminder)
            .Select(n => new { n.PersonId, n.CreatedAt }).ToListAsync(ct))
            .GroupBy(n => n.PersonId).ToDictionary(g => g.Key, g => g.Max(n => n.CreatedAt));

    private Placeholders Placeholders(PlannedReminder message)
    {
        var lines = message.Own.Concat(message.Escalated).ToList();
        var items = new StringBuilder();
        foreach (var line in message.Own)
        {
            items.Append("- ").Append(line.Return.RoundName).Append(" return, due ").Append(Date(line.Return.Deadline)).Append(Overdue(line)).Append('\n');
            foreach (var item in line.Return.Items)
            {
                items.Append("  • ").Append(item).Append('\n');
            }

            items.Append("  ").Append(mail.Absolute(line.Return.Link)).Append('\n');
        }

        if (message.Escalated.Count > 0)
        {
            items.Append(message.Own.Count > 0 ? "\nOverdue in your area:\n" : "");
            foreach (var line in message.Escalated)
            {
                items.Append("- ").Append(line.Return.OwnerName).Append(": ").Append(line.Return.RoundName).Append(" return, due ")
                    .Append(Date(line.Return.Deadline)).Append(Overdue(line)).Append(", ").Append(line.Return.Items.Count.ToString(British))
                    .Append(line.Return.Items.Count == 1 ? " item" : " items").Append('\n');
                items.Append("  ").Append(mail.Absolute(EscalationLink(line.Return))).Append('\n');
            }
        }

        return new Placeholders
        {
            ["items"] = items.ToString().TrimEnd('\n'),
            ["deadline"] = Date(lines.Min(l => l.Return.Deadline)),
            ["round"] = string.Join(", ", lines.Select(l => l.Return.RoundName).Distinct()),
            ["owner"] = string.Join(", ", message.Escalated.Select(l => l.Return.OwnerName).Distinct()),
        };
    }

    private static Placeholders Placeholders(ClosingSoonNotice soon)
    {
        var items = new StringBuilder();
        foreach (var r in soon.Returns)
        {
            items.Append("- ").Append(r.RoundName).Append(" return, due ").Append(Date(r.Deadline)).Append('\n');
            foreach (var item in r.Items)
            {
                items.Append("  • ").Append(item).Append('\n');
            }
        }

        return new Placeholders
        {
            ["items"] = items.ToString().TrimEnd('\n'),
            ["deadline"] = Date(soon.Returns.Min(r => r.Deadline)),
            ["round"] = string.Join(", ", soon.Returns.Select(r => r.RoundName).Distinct()),
        };
    }

    private string Link(PlannedReminder message) =>
        message.Own.Count > 0 ? message.Own[0].Return.Link : EscalationLink(message.Escalated[0].Return);

    private string EscalationLink(OutstandingReturn item) => $"/{db.Scope.Organisation!.Slug}/returns/{item.ReturnId}";

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);

    private static string Overdue(DueLine line) => line.WorkingDaysOverdue switch
    {
        <= 0 => "",
        1 => " (1 working day overdue)",
        var n => $" ({n.ToString(British)} working days overdue)",
    };
}
