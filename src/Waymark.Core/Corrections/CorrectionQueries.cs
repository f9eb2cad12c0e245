using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Corrections;

/// <summary>
/// Which corrections the register lists: those made on or after <see cref="Since"/> (every one when empty), of one unit
/// and one kind when given.
/// </summary>
public sealed record CorrectionFilter(DateOnly? Since = null, int? UnitId = null, CorrectionKind? Kind = null);

/// <summary>A page of the register, newest first, with how many there are in all.</summary>
public sealed record CorrectionPage(IReadOnlyList<Correction> Corrections, int Total, int Page, int Pages);

/// <summary>Reads the restatement register (every correction of a locked period) and the lock exceptions.</summary>
public sealed class CorrectionQueries(WaymarkDbContext db, PeriodLock periodLock)
{
    /// <summary>The most a CSV export holds; the register is filtered long before.</summary>
    public const int MaxExport = 50_000;

    /// <summary>
    /// The day of the last report: until reports exist, the day the most recently closed monitoring round closed. Empty
    /// when no round has closed.
    /// </summary>
    public async Task<DateOnly?> LastReportAsync(CancellationToken ct = default)
    {
        var closed = (await periodLock.LoadAsync(ct)).Closed;
        return closed.Count == 0 ? null : closed.Max(c => c.ClosedOn);
    }

    public async Task<CorrectionPage> PageAsync(CorrectionFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var query = Query(filter);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pages);
        var rows = await query.Include(c => c.Unit).OrderByDescending(c => c.On).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new CorrectionPage(rows, total, page, pages);
    }

    /// <summary>Every correction the filter picks, newest first (at most <see cref="MaxExport"/>), for the CSV export.</summary>
    public async Task<IReadOnlyList<Correction>> AllAsync(CorrectionFilter filter, CancellationToken ct = default) =>
        await Query(filter).Include(c => c.Unit).OrderByDescending(c => c.On).ThenByDescending(c => c.Id).Take(MaxExport).ToListAsync(ct);

    /// <summary>
    /// A page for the API, newest first: at most <paramref name="limit"/> corrections made before the one numbered
    /// <paramref name="before"/> (the first page when empty); whether there are more, and how many the filter picks in all.
    /// </summary>
    public async Task<(IReadOnlyList<Correction> Corrections, bool More, int Total)> ListAsync(CorrectionFilter filter, int? before, int limit, CancellationToken ct = default)
    {
        var query = Query(filter);
        var total = await query.CountAsync(ct);
        if (before is { } id)
        {
            query = query.Where(c => c.Id < id);
        }

        var rows = await query.Include(c => c.Unit).OrderByDescending(c => c.Id).Take(limit + 1).ToListAsync(ct);
        return (rows.Take(limit).ToList(), rows.Count > limit, total);
    }

    public Task<Correction?> FindAsync(int id, CancellationToken ct = default) =>
        db.Corrections.AsNoTracking().Include(c => c.Unit).SingleOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The lock exceptions, current and future first, then past ones; with their unit and person.</summary>
    public async Task<IReadOnlyList<LockException>> ExceptionsAsync(CancellationToken ct = default) =>
        await db.LockExceptions.AsNoTracking().Include(e => e.Unit).Include(e => e.Person)
            .OrderBy(e => e.EndedAt != null).ThenByDescending(e => e.Until).ThenByDescending(e => e.Id).ToListAsync(ct);

    public Task<LockException?> FindExceptionAsync(int id, CancellationToken ct = default) =>
        db.LockExceptions.AsNoTracking().Include(e => e.Unit).Include(e => e.Person).SingleOrDefaultAsync(e => e.Id == id, ct);

    private IQueryable<Correction> Query(CorrectionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Corrections.AsNoTracking();
        if (filter.Since is { } since)
        {
            query = query.Where(c => c.On >= since);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(c => c.UnitId == unitId);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        return query;
    }
}
