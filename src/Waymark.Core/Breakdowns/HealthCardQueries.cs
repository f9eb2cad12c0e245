using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Breakdowns;

/// <summary>A column of the Health Card: one indicator, in the basket's order.</summary>
public sealed record HealthCardColumn(int IndicatorId, string Label, IndicatorUnit Unit, int DecimalPlaces);

/// <summary>A cell: the service's figure and status for the column's indicator; <see cref="IsMember"/> false when the
/// indicator is not broken down by this service.</summary>
public sealed record HealthCardCell(bool IsMember, decimal? Value, IndicatorStatus? Status, bool IsDemonstration)
{
    public string StatusText => Status is { } s ? IndicatorText.StatusText(s) : "Not collected";
}

/// <summary>A row of the Health Card: one service (unit) and its cells, one per column.</summary>
public sealed record HealthCardRow(int UnitId, string Name, IReadOnlyList<HealthCardCell> Cells);

/// <summary>The Health Card for a period: services × indicators, each cell judged by <see cref="BreakdownRules"/>.</summary>
public sealed record HealthCard(Period Period, IReadOnlyList<Period> Periods, IReadOnlyList<HealthCardColumn> Columns, IReadOnlyList<HealthCardRow> Rows);

/// <summary>
/// The matrix of services × corporate-health indicators (seed 003: every service's sickness absence, invoices paid in
/// 30 days, on-contract spend, appraisals): for indicators broken down by unit, each service's figure and status in a
/// period. Reads every indicator's breakdown in a few queries (<see cref="BreakdownQueries.PeriodsAsync"/>).
/// </summary>
public sealed class HealthCardQueries(WaymarkDbContext db, BreakdownQueries breakdowns)
{
    /// <summary>
    /// The card for <paramref name="indicatorIds"/> (in that order) in <paramref name="period"/>, else in the latest
    /// period with figures, else the current quarter. Indicators not broken down by unit still have their column, with
    /// every cell "Not collected".
    /// </summary>
    public async Task<HealthCard> CardAsync(IReadOnlyList<int> indicatorIds, Period? period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        var indicators = (await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToListAsync(ct)).ToDictionary(i => i.Id);
        var columns = indicatorIds.Where(indicators.ContainsKey).Distinct()
            .Select(id => new HealthCardColumn(id, indicators[id].Label, indicators[id].Unit, indicators[id].DecimalPlaces)).ToList();
        var ids = columns.Select(c => c.IndicatorId).ToList();
        var organisation = db.Scope.Organisation ?? await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Scope.RequireId(), ct);
        var today = breakdowns.Today;
        var current = Period.QuartersOf(Period.FinancialYearContaining(today, organisation.YearStartMonth), organisation.YearStartMonth)
            .Last(q => q.Start <= today);
        var latest = await breakdowns.LatestPeriodWithFiguresAsync(ids, ct);
        var chosen = period ?? latest ?? current;
        var judged = await breakdowns.PeriodsAsync(ids, chosen, ct);
        var units = judged.Values.Where(b => b.Breakdown.Kind == BreakdownKind.Unit).SelectMany(b => b.Rows).Where(r => r.UnitId is not null)
            .Select(r => r.UnitId!.Value).Distinct().ToList();
        var unitOrder = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).OrderBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var rows = unitOrder.Select(u => new HealthCardRow(u.Id, u.Name, columns.Select(c =>
        {
            var row = judged.TryGetValue(c.IndicatorId, out var b) && b.Breakdown.Kind == BreakdownKind.Unit ? b.Rows.FirstOrDefault(r => r.UnitId == u.Id) : null;
            return row is null ? new HealthCardCell(false, null, null, false) : new HealthCardCell(true, row.Value, row.Status, row.IsDemonstration);
        }).ToList())).ToList();

        // The periods offered: the quarters of this year and the last three, latest first, and the one shown.
        var periods = Enumerable.Range(0, 4).SelectMany(n =>
            {
                var year = Period.FinancialYearContaining(today, organisation.YearStartMonth);
                for (var k = 0; k < n; k++)
                {
                    year = year.Previous();
                }

                return Period.QuartersOf(year, organisation.YearStartMonth);
            })
            .Where(q => q.Start <= today).Append(chosen).Distinct().OrderDescending().ToList();
        return new HealthCard(chosen, periods, columns, rows);
    }
}
