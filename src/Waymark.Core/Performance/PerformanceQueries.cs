using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Performance;

/// <summary>
/// Reads what the performance rules need for a period in a few queries (never one per row) and judges it with
/// <see cref="IndicatorRules"/>, <see cref="ForecastRules"/>, <see cref="ExceptionRules"/> and <see cref="RollUpRules"/>:
/// the basket page, the Health Card, the framework, unit and plan roll-ups, the exceptions page and the API all read
/// through here.
/// </summary>
public sealed partial class PerformanceQueries(WaymarkDbContext db, IndicatorQueries indicators, TimeProvider clock)
{
    /// <summary>The organisation's today.</summary>
    public DateOnly Today => db.Scope.Today(clock);

    /// <summary>The period a summary shows unless another is chosen: the latest quarter that has ended.</summary>
    public static Period DefaultPeriod(Organisation organisation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return Period.QuarterContaining(today, organisation.YearStartMonth).Previous();
    }

    /// <summary>
    /// The quarters (newest first) and years a summary may be shown for: those of this financial year and the two before
    /// it that have ended or begun by today.
    /// </summary>
    public static IReadOnlyList<Period> Choices(Organisation organisation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var ysm = organisation.YearStartMonth;
        var year = Period.FinancialYearContaining(today, ysm);
        var choices = new List<Period>();
        for (var y = year; y > year.Previous().Previous().Previous(); y = y.Previous())
        {
            choices.AddRange(Period.QuartersOf(y, ysm).Where(q => q.Start <= today).Reverse());
            choices.Add(y);
        }

        return choices;
    }

    /// <summary>
    /// One row per item asked for (null ids: every one of the organisation; empty: none), in the order asked (for null,
    /// the organisation's order), judged in <paramref name="period"/> (a quarter, a month or a year), with the roll-up of
    /// them all and each item's exceptions under the organisation's settings.
    /// </summary>
    public async Task<PerformanceRows> RowsAsync(
        Organisation organisation, Period period, IReadOnlyCollection<int>? indicatorIds, IReadOnlyCollection<int>? actionIds,
        IReadOnlyCollection<int>? milestoneIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (db.Scope.RequireId() != organisation.Id)
        {
            throw new ArgumentException("The organisation is not the one in scope.", nameof(organisation));
        }

        var settings = ExceptionSettings.For(organisation);
        var context = await ContextAsync(organisation, period, ct);
        var indicatorRows = indicatorIds is { Count: 0 } ? [] : await IndicatorRowsAsync(context, indicatorIds, ct);
        var actionRows = actionIds is { Count: 0 } ? [] : await ActionRowsAsync(context, actionIds, ct);
        var milestoneRows = milestoneIds is { Count: 0 } ? [] : await MilestoneRowsAsync(context, milestoneIds, ct);
        var rollUp = RollUpRules.Of(indicatorRows.Select(r => r.Status), actionRows.Select(r => r.Status));
        return new PerformanceRows(period, indicatorRows, actionRows, milestoneRows, rollUp, settings);
    }

    /// <summary>What every row of one reading shares: the organisation, period, today, units and their portfolio holders.</summary>
    private sealed record RowContext(Organisation Organisation, Period Period, DateOnly Today, ExceptionSettings Settings, Units Units)
    {
        public int Ysm => Organisation.YearStartMonth;

        public Period Year => Period.Kind == PeriodKind.Year ? Period : Period.FinancialYearOf(Ysm);

        /// <summary>The day things are judged as at: the period's last day, or today when that is sooner.</summary>
        public DateOnly AsAt => Period.End < Today ? Period.End : Today;

        public string Path(string rest) => $"/{Organisation.Slug}/{rest}";
    }

    /// <summary>The organisation's units, for names and the portfolio holders that cover them (inherited from above).</summary>
    private sealed record Units(IReadOnlyDictionary<int, (string Name, int? ParentId)> ById, ILookup<int, string> Holders)
    {
        public string? Name(int? id) => id is { } u && ById.TryGetValue(u, out var unit) ? unit.Name : null;

        /// <summary>The portfolio holders of the unit, else of the nearest unit above that has some.</summary>
        public string? PortfolioHolder(int? id)
        {
            for (var (u, guard) = (id, 0); u is { } unit && guard < 50; guard++)
            {
                if (Holders[unit].Any())
                {
                    return string.Join("; ", Holders[unit]);
                }

                u = ById.TryGetValue(unit, out var found) ? found.ParentId : null;
            }

            return null;
        }

        /// <summary>The unit and every unit below it.</summary>
        public HashSet<int> AndBelow(int id)
        {
            var set = new HashSet<int> { id };
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var (unit, (_, parent)) in ById)
                {
                    if (parent is { } p && set.Contains(p) && set.Add(unit))
                    {
                        grew = true;
                    }
                }
            }

            return set;
        }
    }

    private async Task<RowContext> ContextAsync(Organisation organisation, Period period, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.ParentId }).ToListAsync(ct);
        var holders = await db.PortfolioHolders.AsNoTracking().OrderBy(h => h.SortOrder)
            .Select(h => new { h.UnitId, h.Person!.Name, h.Portfolio }).ToListAsync(ct);
        return new RowContext(organisation, period, Today, ExceptionSettings.For(organisation), new Units(
            units.ToDictionary(u => u.Id, u => (u.Name, u.ParentId)),
            holders.ToLookup(h => h.UnitId, h => $"{h.Name} ({h.Portfolio})")));
    }

    /// <summary>The indicator's own period for a chosen one: the quarter or month itself, the last month of a quarter, the quarter of a month, or the year.</summary>
    public static Period JudgedPeriod(Frequency frequency, Period chosen, int yearStartMonth) => (frequency, chosen.Kind) switch
    {
        (_, PeriodKind.Year) => chosen,
        (Frequency.Annual, _) => chosen.FinancialYearOf(yearStartMonth),
        (Frequency.Quarterly, PeriodKind.Month) => Period.QuarterContaining(chosen.Start, yearStartMonth),
        (Frequency.Monthly, PeriodKind.Quarter) => Period.MonthsOf(chosen)[^1],
        _ => chosen,
    };
}
