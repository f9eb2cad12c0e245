using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Periods;

namespace Waymark.Core.Rounds;

/// <summary>A round in the list: its state on the organisation's today and its completeness.</summary>
public sealed record RoundSummary(MonitoringRound Round, RoundState State, Completeness Completeness);

/// <summary>One unit's row on a round's page.</summary>
public sealed record RoundUnitRow(int? UnitId, string UnitName, Completeness Completeness);

/// <summary>One owner's row on a round's page: their return's state, completeness, on time, days overdue.</summary>
public sealed record RoundOwnerRow(OwnerCompleteness Owner, string? UnitName, int SignOffDaysOverdue)
{
    public ReturnFacts Return => Owner.Return;
}

/// <summary>A round with everything its page shows.</summary>
public sealed record RoundDetail(
    MonitoringRound Round, RoundState State, DateOnly Today, Completeness Completeness,
    IReadOnlyList<RoundUnitRow> Units, IReadOnlyList<RoundOwnerRow> Owners)
{
    public DateOnly OnTimeBy => RoundRules.OnTimeBy(Round);

    public DateOnly? AutoClosesAfter => RoundRules.AutoClosesAfter(Round);

    public DateOnly? ClosedOn => RoundRules.ClosedOn(Round, Today);

    /// <summary>Returns still with their owners (not started, in progress, returned with a note), most overdue first.</summary>
    public IReadOnlyList<RoundOwnerRow> Outstanding =>
        [.. Owners.Where(o => RoundRules.IsWithOwner(o.Return.State)).OrderByDescending(o => o.Owner.DaysOverdue).ThenBy(o => o.Return.PersonName, StringComparer.CurrentCulture)];
}

/// <summary>
/// Reads monitoring rounds for the pages and the API: the list with completeness, one round in full, and the closed
/// periods the period lock asks about. Completeness is judged by <see cref="RoundCompleteness"/> over the rows read here.
/// </summary>
public sealed class RoundQueries(WaymarkDbContext db, TimeProvider clock)
{
    public DateOnly Today => db.Scope.Today(clock);

    /// <summary>The organisation's rounds, newest period first, each with its state and completeness.</summary>
    public async Task<IReadOnlyList<RoundSummary>> ListAsync(CancellationToken ct = default)
    {
        var rounds = await db.MonitoringRounds.AsNoTracking().ToListAsync(ct);
        var (returns, values) = await FactsAsync([.. rounds.Select(r => r.Id)], ct);
        var today = Today;
        return [.. rounds.OrderByDescending(r => r.Period).Select(r => new RoundSummary(
            r, RoundRules.State(r, today),
            RoundCompleteness.Of(r, [.. returns[r.Id]], [.. values[r.Id]])))];
    }

    /// <summary>One round with its completeness per unit and per owner; null when there is no such round.</summary>
    public async Task<RoundDetail?> DetailAsync(int id, CancellationToken ct = default)
    {
        var round = await db.MonitoringRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return null;
        }

        var (byRound, valuesByRound) = await FactsAsync([id], ct);
        List<ReturnFacts> returns = [.. byRound[id]];
        List<ValueItemFacts> values = [.. valuesByRound[id]];
        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var today = Today;
        var units = RoundCompleteness.ByUnit(round, returns, values)
            .Select(u => new RoundUnitRow(u.UnitId, u.UnitId is { } unit && unitNames.TryGetValue(unit, out var name) ? name : "No unit", u.Completeness))
            .OrderBy(u => u.UnitId is null).ThenBy(u => u.UnitName, StringComparer.CurrentCulture).ToList();
        var owners = RoundCompleteness.ByOwner(round, returns, values, today)
            .Select(o => new RoundOwnerRow(
                o, o.Return.UnitId is { } unit ? unitNames.GetValueOrDefault(unit) : null,
                RoundRules.SignOffDaysOverdue(round, o.Return.State, today)))
            .OrderBy(o => o.Return.PersonName, StringComparer.CurrentCulture).ToList();
        return new RoundDetail(round, RoundRules.State(round, today), today, RoundCompleteness.Of(round, returns, values), units, owners);
    }

    /// <summary>The round open for a period, if any (open on the organisation's today).</summary>
    public async Task<MonitoringRound?> ForPeriodAsync(Period period, CancellationToken ct = default) =>
        await db.MonitoringRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Period == period, ct);

    /// <summary>
    /// The organisation's closed rounds on <paramref name="today"/> (closed by a person, or past their auto-close day).
    /// For callers outside a request's organisation (a job), so it names the organisation itself.
    /// </summary>
    public async Task<IReadOnlyList<MonitoringRound>> ClosedRoundsAsync(int organisationId, DateOnly today, CancellationToken ct = default)
    {
        var rounds = await db.MonitoringRounds.IgnoreQueryFilters().AsNoTracking().Where(r => r.OrganisationId == organisationId).ToListAsync(ct);
        return [.. rounds.Where(r => RoundRules.IsClosed(r, today)).OrderBy(r => r.Period)];
    }

    /// <summary>The periods of the organisation's closed rounds on <paramref name="today"/>: what the period lock locks.</summary>
    public async Task<IReadOnlyList<Period>> ClosedPeriodsAsync(int organisationId, DateOnly today, CancellationToken ct = default) =>
        [.. (await ClosedRoundsAsync(organisationId, today, ct)).Select(r => r.Period)];

    /// <summary>The organisation's changes to the England and Wales bank holidays, by date.</summary>
    public async Task<IReadOnlyList<BankHolidayChange>> BankHolidayChangesAsync(CancellationToken ct = default) =>
        await db.BankHolidayChanges.AsNoTracking().OrderBy(c => c.Date).ToListAsync(ct);

    /// <summary>The returns (not started ones in progress once anything is entered) and the value items of some rounds, as completeness needs them, by round.</summary>
    private async Task<(ILookup<int, ReturnFacts> Returns, ILookup<int, ValueItemFacts> Values)> FactsAsync(IReadOnlyCollection<int> roundIds, CancellationToken ct)
    {
        var returns = await db.RoundReturns.AsNoTracking().Where(r => roundIds.Contains(r.RoundId))
            .Select(r => new { r.RoundId, r.Id, r.PersonId, PersonName = r.Person!.Name, r.UnitId, r.State, r.FirstSubmittedOn, r.IncludesVacantPostItems })
            .ToListAsync(ct);
        var items = await db.RoundReturnItems.AsNoTracking()
            .Where(i => i.Kind == RoundItemKind.IndicatorValue && roundIds.Contains(i.Return!.RoundId))
            .Select(i => new { i.Return!.RoundId, i.ReturnId, i.UnitId, i.IndicatorId, i.ValuePeriod })
            .ToListAsync(ct);
        var indicatorIds = items.Select(i => i.IndicatorId!.Value).Distinct().ToList();
        var given = (await db.IndicatorValues.AsNoTracking().Where(v => indicatorIds.Contains(v.IndicatorId))
                .Select(v => new { v.IndicatorId, v.Period, HasCommentary = v.Commentary != null, IsVerified = v.VerifiedAt != null })
                .ToListAsync(ct))
            .ToDictionary(v => (v.IndicatorId, v.Period));
        var started = await Returns.ReturnEntries.StartedAsync(db, [.. returns.Where(r => r.State == ReturnState.NotStarted).Select(r => r.Id)], ct);
        return (
            returns.ToLookup(r => r.RoundId, r => new ReturnFacts(r.Id, r.PersonId, r.PersonName, r.UnitId,
                Returns.ReturnRules.Effective(r.State, started.Contains(r.Id)), r.FirstSubmittedOn, r.IncludesVacantPostItems)),
            items.ToLookup(i => i.RoundId, i =>
            {
                var value = i.ValuePeriod is { } p ? given.GetValueOrDefault((i.IndicatorId!.Value, p)) : null;
                return new ValueItemFacts(i.ReturnId, i.UnitId, value is not null, value?.HasCommentary == true, value?.IsVerified == true);
            }));
    }
}
