using Microsoft.EntityFrameworkCore;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Performance;

public sealed partial class PerformanceQueries
{
    /// <summary>
    /// The indicators' rows: their series come from the library's bulk reading (<see cref="IndicatorQueries.AroundAsync"/>),
    /// and three more queries read the year's profiled targets, the rounds' deadlines and the open actions linked to
    /// the indicators.
    /// </summary>
    private async Task<IReadOnlyList<PerformanceIndicatorRow>> IndicatorRowsAsync(RowContext context, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var ysm = context.Ysm;
        var year = context.Year;
        var allSeries = await indicators.AroundAsync(ids, context.Period, ct);
        if (allSeries.Count == 0)
        {
            return [];
        }

        var found = allSeries.Select(s => s.Indicator.Id).ToList();
        var yearPeriods = new List<Period>(Period.QuartersOf(year, ysm));
        yearPeriods.AddRange(Period.MonthsOf(year));
        var profiles = (await db.IndicatorTargets.AsNoTracking()
                .Where(t => found.Contains(t.IndicatorId) && yearPeriods.Contains(t.Period)).Select(t => new { t.IndicatorId, t.Period, t.Value })
                .ToListAsync(ct))
            .ToLookup(t => t.IndicatorId);
        var rounds = (await db.MonitoringRounds.AsNoTracking().Select(r => new { r.Period, r.ReturnsDeadline }).ToListAsync(ct))
            .GroupBy(r => r.Period).ToDictionary(g => g.Key, g => g.Max(r => r.ReturnsDeadline));
        var corrected = (await db.ActionLinks.AsNoTracking().Where(l => l.IndicatorId != null && found.Contains(l.IndicatorId.Value))
                .Join(db.PlanActions, l => l.ActionId, a => a.Id, (l, a) => new { l.IndicatorId, a.State })
                .Where(x => x.State != ActionState.Completed && x.State != ActionState.Cancelled)
                .Select(x => x.IndicatorId!.Value).Distinct().ToListAsync(ct))
            .ToHashSet();

        var rows = allSeries.Select(series => IndicatorRow(context, series, profiles[series.Indicator.Id].ToDictionary(t => t.Period, t => t.Value), rounds, corrected.Contains(series.Indicator.Id)));
        if (ids is null)
        {
            return rows.ToList();
        }

        var order = ids.Distinct().Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n);
        return rows.OrderBy(r => order[r.Id]).ToList();
    }

    private static PerformanceIndicatorRow IndicatorRow(
        RowContext context, IndicatorSeries series, IReadOnlyDictionary<Period, decimal?> profile, Dictionary<Period, DateOnly> rounds, bool hasCorrectiveAction)
    {
        var indicator = series.Indicator;
        var ysm = context.Ysm;
        var dueDays = context.Organisation.ValuesDueDays;
        var judged = JudgedPeriod(indicator.Frequency, context.Period, ysm);
        var owner = IndicatorQueries.OwnerText(indicator.LeadPost, indicator.LeadPerson) ?? IndicatorQueries.OwnerText(indicator.DataOwnerPost, indicator.DataOwnerPerson);
        var yearRow = series.Years.FirstOrDefault(y => y.Year == context.Year);

        // The history the exception rules look back on: the indicator's own periods (or years) up to the one judged.
        IReadOnlyList<IndicatorStatus> statuses;
        IReadOnlyList<decimal?> values;
        decimal? value;
        Target? target;
        IndicatorStatus status;
        Direction? direction;
        ValueFacts? facts = null;
        if (judged.Kind == PeriodKind.Year && indicator.Frequency != Frequency.Annual)
        {
            var years = series.Years.Where(y => y.Year <= judged).ToList();
            statuses = years.Select(y => y.Status).ToList();
            values = years.Select(y => y.Figure).ToList();
            (value, target, status, direction) = yearRow is { } y
                ? (y.Figure, y.Target, y.Status, y.Direction)
                : (null, null, IndicatorStatus.NotDue, null);
        }
        else
        {
            var periods = series.Periods.Where(p => p.Period <= judged).ToList();
            statuses = periods.Select(p => p.Status).ToList();
            values = periods.Select(p => p.Value?.Value).ToList();
            var row = series.For(judged);
            facts = row?.Value;
            (value, target, status, direction) = row is { } r
                ? (r.Value?.Value, r.Target, r.Status, r.Direction)
                : (null, null, IndicatorStatus.NotDue, null);
        }

        // The forecast: from the year's values up to the period judged (the owner's latest forecast among them first).
        var yearPeriods = IndicatorSeries.PeriodsOf(context.Year, indicator.Frequency, ysm);
        var upTo = yearPeriods.Where(p => p <= judged || judged.Kind == PeriodKind.Year).ToList();
        var yearValues = yearPeriods.Select(p => upTo.Contains(p) ? series.For(p)?.Value?.Value : null).ToList();
        var ownerForecast = upTo.Select(p => series.For(p)?.Value?.YearEndForecast).LastOrDefault(f => f.HasValue);
        var yearTarget = yearRow is { } yr ? IndicatorRules.Judging(yr.Target, yr.LastYear, indicator.Polarity) : null;
        var forecast = ForecastRules.Forecast(
            ownerForecast, yearValues, indicator.Aggregation, yearPeriods.Select(p => profile.GetValueOrDefault(p)).ToList(),
            yearTarget, indicator.Polarity, indicator.Tolerance);

        var hasValue = judged.Kind == PeriodKind.Year && indicator.Frequency != Frequency.Annual ? value.HasValue : facts is not null;
        var deadline = ExceptionRules.Deadline(judged, rounds.TryGetValue(judged, out var roundDeadline) ? roundDeadline : null, dueDays);
        // A period not yet begun, or not collected, is never missing.
        var expected = series.For(judged) is not null || judged.Kind == PeriodKind.Year;
        var exceptions = ExceptionRules.ForIndicator(
            context.Settings, statuses, values, indicator.Polarity, indicator.DecimalPlaces, indicator.NoChangeThreshold,
            hasValue || !expected, deadline, context.Today, hasCorrectiveAction);
        return new PerformanceIndicatorRow(
            indicator, judged, value, facts is { IsNotAvailable: true }, target, status, direction, forecast,
            facts?.Commentary, facts?.Remedial, owner, context.Units.PortfolioHolder(indicator.UnitId), context.Path($"indicators/{indicator.Id}"),
            context.Units.Name(indicator.UnitId))
        {
            RedPeriods = ExceptionRules.RedPeriods(statuses),
            Deadline = deadline,
            Exceptions = exceptions,
        };
    }
}
