using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Periods;
using Waymark.Core.Rounds;

namespace Waymark.Core.Corrections;

/// <summary>
/// The one lock check every editor of values, progress updates and milestone progress calls: reads the organisation's
/// closed rounds, current lock exceptions and units once (<see cref="LoadAsync"/>), then judges each change
/// (<see cref="LockSnapshot.Check"/>). The editors refuse, ask for the reason, or save a <see cref="Correction"/> with the
/// change.
/// </summary>
public sealed class PeriodLock(WaymarkDbContext db, TimeProvider clock)
{
    /// <summary>The lock of the organisation being worked in, as at its today.</summary>
    public async Task<LockSnapshot> LoadAsync(CancellationToken ct = default)
    {
        var today = db.Scope.Today(clock);
        var yearStart = db.Scope.Organisation?.YearStartMonth ?? Organisations.Organisation.DefaultYearStartMonth;
        // An organisation holds a handful of rounds a year; whether each is closed is computed (RoundRules), not stored.
        var rounds = await db.MonitoringRounds.AsNoTracking().ToListAsync(ct);
        var closed = rounds.Select(r => RoundRules.ClosedOn(r, today) is { } on ? new ClosedPeriod(r.Period, on) : null).OfType<ClosedPeriod>().ToList();
        if (closed.Count == 0)
        {
            return new LockSnapshot([], [], new Dictionary<int, int?>(), today, yearStart);
        }

        var exceptions = await db.LockExceptions.AsNoTracking().Where(e => e.EndedAt == null && e.Until >= today && e.From <= today).ToListAsync(ct);
        var parents = exceptions.Count == 0 ? new Dictionary<int, int?>()
            : await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        return new LockSnapshot(closed, exceptions, parents, today, yearStart);
    }

    /// <summary>Judges one change (<see cref="LockSnapshot.Check"/>).</summary>
    public async Task<LockCheck> CheckAsync(Actor? actor, Period period, int? unitId, string? reason, CancellationToken ct = default) =>
        (await LoadAsync(ct)).Check(actor, period, unitId, reason);
}
