using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Breakdowns;

/// <summary>One member of a breakdown in a period: its figure, commentary and status against the indicator's target.</summary>
public sealed record BreakdownRow(
    int MemberId, string Name, int? UnitId, int? PlaceId, int? OwnerPostId, string? Owner,
    decimal? Value, string? Commentary, Target? Target, IndicatorStatus Status, bool IsDemonstration, Guid? ValueVersion, Guid MemberVersion)
{
    public string StatusText => IndicatorText.StatusText(Status);
}

/// <summary>A breakdown in one period: each member's row, the whole figure the rows form, and the saved whole figure.</summary>
public sealed record BreakdownPeriod(
    Indicator Indicator, Breakdown Breakdown, Period Period, IReadOnlyList<BreakdownRow> Rows, WholeFigure Whole, decimal? SavedWhole)
{
    public WholeMethod Method => Whole.Method;
}

/// <summary>
/// Reads breakdowns and judges their members with <see cref="BreakdownRules"/> (so with <see cref="IndicatorRules"/>):
/// the indicator's page, the breakdown pages, the Health Card and the API read through here.
/// </summary>
public sealed class BreakdownQueries(WaymarkDbContext db, TimeProvider clock)
{
    public DateOnly Today => db.Scope.Today(clock);

    /// <summary>The indicator's breakdown with its members (unit, place, owner post and its holder), or null.</summary>
    public Task<Breakdown?> ForIndicatorAsync(int indicatorId, CancellationToken ct = default) =>
        db.Breakdowns.AsNoTracking().Include(b => b.Indicator)
            .Include(b => b.Members).ThenInclude(m => m.Unit)
            .Include(b => b.Members).ThenInclude(m => m.Place)
            .Include(b => b.Members).ThenInclude(m => m.OwnerPost!.Holder)
            .AsSplitQuery()
            .SingleOrDefaultAsync(b => b.IndicatorId == indicatorId, ct);

    /// <summary>The organisation's places, in their order.</summary>
    public async Task<IReadOnlyList<Place>> PlacesAsync(CancellationToken ct = default) =>
        await db.Places.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Name).ToListAsync(ct);

    /// <summary>The indicator's breakdown in a period, each member judged; null when it has no breakdown.</summary>
    public async Task<BreakdownPeriod?> PeriodAsync(int indicatorId, Period period, CancellationToken ct = default)
    {
        var breakdown = await ForIndicatorAsync(indicatorId, ct);
        if (breakdown is null)
        {
            return null;
        }

        var judged = await JudgeAsync([breakdown], period, ct);
        return judged[indicatorId];
    }

    /// <summary>The breakdowns of these indicators (those that have one) in a period, by indicator id.</summary>
    public async Task<IReadOnlyDictionary<int, BreakdownPeriod>> PeriodsAsync(IReadOnlyCollection<int> indicatorIds, Period period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        var breakdowns = await db.Breakdowns.AsNoTracking().Where(b => indicatorIds.Contains(b.IndicatorId)).Include(b => b.Indicator)
            .Include(b => b.Members).ThenInclude(m => m.Unit)
            .Include(b => b.Members).ThenInclude(m => m.Place)
            .Include(b => b.Members).ThenInclude(m => m.OwnerPost!.Holder)
            .AsSplitQuery().ToListAsync(ct);
        return await JudgeAsync(breakdowns, period, ct);
    }

    /// <summary>The latest period any of these indicators' parts has a figure for; null when none has.</summary>
    public async Task<Period?> LatestPeriodWithFiguresAsync(IReadOnlyCollection<int> indicatorIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        var periods = await db.BreakdownValues.AsNoTracking().Where(v => indicatorIds.Contains(v.Member!.Breakdown!.IndicatorId))
            .Select(v => v.Period).Distinct().ToListAsync(ct);
        return periods.Count == 0 ? null : periods.Max();
    }

    private async Task<IReadOnlyDictionary<int, BreakdownPeriod>> JudgeAsync(List<Breakdown> breakdowns, Period period, CancellationToken ct)
    {
        var result = new Dictionary<int, BreakdownPeriod>();
        if (breakdowns.Count == 0)
        {
            return result;
        }

        var organisation = await OrganisationAsync(ct);
        var indicatorIds = breakdowns.Select(b => b.IndicatorId).ToList();
        var memberIds = breakdowns.SelectMany(b => b.Members).Select(m => m.Id).ToList();
        // A member's status may need last year's figure (a relative target) and its direction the one before: read the
        // period, the same period last year and the previous period only.
        var wanted = new[] { period, period.SamePeriodLastYear(), period.Previous() };
        var values = (await db.BreakdownValues.AsNoTracking().Where(v => memberIds.Contains(v.MemberId) && wanted.Contains(v.Period)).ToListAsync(ct))
            .ToLookup(v => v.MemberId);
        var targets = (await db.IndicatorTargets.AsNoTracking().Where(t => indicatorIds.Contains(t.IndicatorId)).ToListAsync(ct)).ToLookup(t => t.IndicatorId);
        var versions = (await db.IndicatorDefinitionVersions.AsNoTracking().Where(v => indicatorIds.Contains(v.IndicatorId)).ToListAsync(ct)).ToLookup(v => v.IndicatorId);
        var saved = (await db.IndicatorValues.AsNoTracking().Where(v => indicatorIds.Contains(v.IndicatorId) && v.Period == period)
            .Select(v => new { v.IndicatorId, v.Value }).ToListAsync(ct)).ToDictionary(v => v.IndicatorId, v => v.Value);
        var today = Today;
        foreach (var breakdown in breakdowns)
        {
            var indicator = breakdown.Indicator!;
            var rows = new List<BreakdownRow>();
            foreach (var member in breakdown.Members.OrderBy(m => m.SortOrder).ThenBy(m => m.Name, StringComparer.CurrentCulture))
            {
                var series = BreakdownRules.MemberSeries(indicator, versions[indicator.Id].ToList(), targets[indicator.Id].ToList(),
                    values[member.Id], organisation.YearStartMonth, organisation.ValuesDueDays, today);
                var own = values[member.Id].FirstOrDefault(v => v.Period == period);
                var (_, target, _, _) = series.In(period);
                rows.Add(new BreakdownRow(member.Id, member.Name, member.UnitId, member.PlaceId, member.OwnerPostId,
                    IndicatorQueries.OwnerText(member.OwnerPost, null), own?.Value, own?.Commentary, target,
                    BreakdownRules.StatusIn(series, period, today, organisation.ValuesDueDays), own?.IsDemonstration ?? false, own?.Version, member.Version));
            }

            var whole = BreakdownRules.Whole(rows.Select(r => r.Value).ToList(), indicator.Aggregation, indicator.Unit, indicator.DecimalPlaces);
            result[indicator.Id] = new BreakdownPeriod(indicator, breakdown, period, rows, whole, saved.GetValueOrDefault(indicator.Id));
        }

        return result;
    }

    private async Task<Organisation> OrganisationAsync(CancellationToken ct)
    {
        var id = db.Scope.RequireId();
        return db.Scope.Organisation is { } o && o.Id == id ? o : await db.Organisations.AsNoTracking().SingleAsync(x => x.Id == id, ct);
    }
}
