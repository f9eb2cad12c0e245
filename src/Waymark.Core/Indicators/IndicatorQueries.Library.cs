using Microsoft.EntityFrameworkCore;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>
/// The library's reading: every indicator judged in <see cref="Period"/> (the period asked for when it is one of the
/// choices, else the latest year with values), and the financial years there are to choose from, newest first.
/// </summary>
public sealed record LibrarySeries(IReadOnlyList<IndicatorSeries> Series, IReadOnlyList<Period> Years, Period? Period);

/// <summary>The years a series is judged for (from <see cref="FromYear"/>) and every period code of them, for reading values.</summary>
internal sealed record SeriesWindow(Period FromYear, IReadOnlyList<Period> Periods)
{
    /// <summary>
    /// A year and the year before it (the directions of travel compare with it), or <paramref name="yearsBefore"/> years
    /// before it, with their quarters and months.
    /// </summary>
    public static SeriesWindow Around(Period year, int yearStartMonth, int yearsBefore = 1)
    {
        var from = year;
        var years = new List<Period> { year };
        for (var n = 0; n < yearsBefore; n++)
        {
            from = from.Previous();
            years.Insert(0, from);
        }

        var periods = new List<Period>();
        foreach (var y in years)
        {
            periods.Add(y);
            periods.AddRange(Period.QuartersOf(y, yearStartMonth));
            periods.AddRange(Period.MonthsOf(y));
        }

        return new SeriesWindow(from, periods);
    }
}

public sealed partial class IndicatorQueries
{
    /// <summary>
    /// Every indicator judged in one period, for the library and its downloads. Only the values of the period's year and
    /// the year before are read (a library of thousands of indicators with ten years of monthly values would otherwise
    /// read them all on every request); the years to choose from come from the targets and the periods that have values.
    /// </summary>
    public async Task<LibrarySeries> LibraryAsync(Period? asked, CancellationToken ct = default)
    {
        var organisation = await OrganisationAsync(ct);
        var ysm = organisation.YearStartMonth;
        var today = Today;
        var indicators = await WithOwners().OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct);
        var targetPeriods = (await db.IndicatorTargets.AsNoTracking().Select(t => new { t.IndicatorId, t.Period }).ToListAsync(ct))
            .ToLookup(t => t.IndicatorId, t => t.Period);
        var valuePeriods = await db.IndicatorValues.AsNoTracking().Select(v => v.Period).Distinct().ToListAsync(ct);
        var years = indicators
            .SelectMany(i => IndicatorSeries.CollectionYears(i, targetPeriods[i.Id], valuePeriods, ysm, today))
            .Distinct().OrderDescending().ToList();
        var withValues = valuePeriods.Where(p => p.Start <= today).Select(p => p.FinancialYearOf(ysm)).Where(years.Contains).ToList();

        Period? period = null;
        if (asked is { } a && years.Any(y => y == a || Period.QuartersOf(y, ysm).Contains(a)))
        {
            period = a;
        }
        else if (withValues.Count > 0)
        {
            period = withValues.Max();
        }
        else if (years.Count > 0)
        {
            period = years[0];
        }

        var series = period is { } p
            ? await SeriesOfAsync(indicators, organisation, ct, SeriesWindow.Around(p.FinancialYearOf(ysm), ysm))
            : await SeriesOfAsync(indicators, organisation, ct);
        return new LibrarySeries(series, years, period);
    }

    /// <summary>
    /// Indicators (every one when <paramref name="ids"/> is null) judged for the financial year of <paramref name="period"/>
    /// and the two years before it (the history the exception rules look back on), reading only those years' values:
    /// the library's bulk reading, for summaries of a period.
    /// </summary>
    public async Task<IReadOnlyList<IndicatorSeries>> AroundAsync(IReadOnlyCollection<int>? ids, Period period, CancellationToken ct = default)
    {
        var organisation = await OrganisationAsync(ct);
        var ysm = organisation.YearStartMonth;
        var query = WithOwners();
        if (ids is not null)
        {
            query = query.Where(i => ids.Contains(i.Id));
        }

        var indicators = await query.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct);
        return indicators.Count == 0 ? [] : await SeriesOfAsync(indicators, organisation, ct, SeriesWindow.Around(period.FinancialYearOf(ysm), ysm, yearsBefore: 2));
    }

    /// <summary>Indicators with what their rows show: the owning unit, the data owner and the lead.</summary>
    private IQueryable<Indicator> WithOwners() => db.Indicators.AsNoTracking()
        .Include(i => i.OwningUnit).Include(i => i.DataOwnerPost).Include(i => i.DataOwnerPerson)
        .Include(i => i.LeadPost).Include(i => i.LeadPerson);
}

/// <summary>A page of the indicators in the organisation's order: their series, whether more follow, and how many there are.</summary>
public sealed record IndicatorPage(IReadOnlyList<IndicatorSeries> Series, bool More, int Total);

public sealed partial class IndicatorQueries
{
    /// <summary>The most indicators one page of the API's list holds.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Up to <paramref name="limit"/> indicators in the organisation's order (sort order, then id) after the indicator
    /// <paramref name="after"/> (none: from the first); null when <paramref name="after"/> is not an indicator here.
    /// </summary>
    public async Task<IndicatorPage?> PageAsync(int limit, int? after, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var organisation = await OrganisationAsync(ct);
        var query = WithOwners();
        if (after is { } id)
        {
            var last = await db.Indicators.AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.SortOrder).SingleOrDefaultAsync(ct);
            if (last is not { } sort)
            {
                return null;
            }

            query = query.Where(i => i.SortOrder > sort || (i.SortOrder == sort && i.Id > id));
        }

        var indicators = await query.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Take(limit + 1).ToListAsync(ct);
        var more = indicators.Count > limit;
        var page = indicators.Take(limit).ToList();
        return new IndicatorPage(await SeriesOfAsync(page, organisation, ct), more, await db.Indicators.CountAsync(ct));
    }
}
