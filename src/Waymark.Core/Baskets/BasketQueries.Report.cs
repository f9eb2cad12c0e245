using Microsoft.EntityFrameworkCore;
using Waymark.Core.Organisations;
using Waymark.Core.Performance;
using Waymark.Core.Periods;

namespace Waymark.Core.Baskets;

/// <summary>A group of a basket for a period: its rows in the basket's order and their roll-up.</summary>
public sealed record BasketReportGroup(int? Id, string? Title, IReadOnlyList<PerformanceItem> Rows, PerformanceRollUp RollUp);

/// <summary>
/// A basket for a period, as its page, its export and the API show it: each group's rows (value, target, status,
/// direction of travel, year-end forecast and its status, commentary, owner) and the roll-up of the whole basket, all
/// from <see cref="PerformanceQueries.RowsAsync"/>.
/// </summary>
public sealed record BasketReport(BasketView View, Period Period, IReadOnlyList<Period> Choices, IReadOnlyList<BasketReportGroup> Groups, PerformanceRows Rows)
{
    public PerformanceRollUp RollUp => Rows.RollUp;
}

public sealed partial class BasketQueries
{
    /// <summary>
    /// The basket judged in <paramref name="period"/>, or (null) in the latest period of the choices in which one of
    /// its indicators has a value; null when the organisation has no such basket.
    /// </summary>
    public async Task<BasketReport?> ReportAsync(Organisation organisation, int id, Period? period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (await GetAsync(id, ct) is not { } view)
        {
            return null;
        }

        var choices = PerformanceQueries.Choices(organisation, performance.Today);
        var items = view.Items.ToList();
        var indicatorIds = items.Where(i => i.Kind == BasketItemKind.Indicator).Select(i => i.RecordId).ToList();
        var chosen = period ?? await LatestWithDataAsync(organisation, indicatorIds, choices, ct);
        var rows = await performance.RowsAsync(organisation, chosen, indicatorIds,
            items.Where(i => i.Kind == BasketItemKind.Action).Select(i => i.RecordId).ToList(),
            items.Where(i => i.Kind == BasketItemKind.Milestone).Select(i => i.RecordId).ToList(), ct);
        var byItem = rows.All.ToDictionary(r => (Kind(r.Kind), r.Id));
        var groups = view.Groups.Select(g =>
        {
            var groupRows = g.Items.Select(i => byItem.GetValueOrDefault((i.Kind, i.RecordId))).OfType<PerformanceItem>().ToList();
            return new BasketReportGroup(g.Id, g.Title, groupRows, RollUpRules.Of(
                groupRows.OfType<PerformanceIndicatorRow>().Select(r => r.Status), groupRows.OfType<PerformanceActionRow>().Select(r => r.Status)));
        }).ToList();
        return new BasketReport(view, chosen, choices, groups, rows);
    }

    private static BasketItemKind Kind(PerformanceItemKind kind) => kind switch
    {
        PerformanceItemKind.Indicator => BasketItemKind.Indicator,
        PerformanceItemKind.Action => BasketItemKind.Action,
        _ => BasketItemKind.Milestone,
    };

    /// <summary>
    /// The newest quarter (then year) of <paramref name="choices"/> for which one of the indicators has a value for the
    /// period it is judged in; the default period when none has.
    /// </summary>
    private async Task<Period> LatestWithDataAsync(Organisation organisation, List<int> indicatorIds, IReadOnlyList<Period> choices, CancellationToken ct)
    {
        var fallback = PerformanceQueries.DefaultPeriod(organisation, performance.Today);
        if (indicatorIds.Count == 0)
        {
            return fallback;
        }

        var frequencies = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Frequency }).ToListAsync(ct);
        var valued = (await db.IndicatorValues.AsNoTracking()
                .Where(v => indicatorIds.Contains(v.IndicatorId) && v.Value != null)
                .Select(v => new { v.IndicatorId, v.Period }).ToListAsync(ct))
            .Select(v => (v.IndicatorId, v.Period)).ToHashSet();
        var ysm = organisation.YearStartMonth;
        // Quarters are what a scorecard is reported by; a year is chosen only when no quarter has data.
        var ordered = choices.Where(c => c.Kind != PeriodKind.Year).Concat(choices.Where(c => c.Kind == PeriodKind.Year));
        foreach (var choice in ordered)
        {
            if (frequencies.Any(f => (choice.Kind == PeriodKind.Year || f.Frequency != Indicators.Frequency.Annual) && valued.Contains((f.Id, PerformanceQueries.JudgedPeriod(f.Frequency, choice, ysm)))))
            {
                return choice;
            }
        }

        return fallback;
    }
}
