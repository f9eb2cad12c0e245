using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Audit;

/// <summary>
/// Which entries to show. Dates are instants (UTC): <see cref="From"/> inclusive, <see cref="Before"/>
/// exclusive, so a whole day is [midnight, next midnight) in whatever time zone the caller meant.
/// </summary>
public sealed record AuditFilter(
    string? Person = null,
    string? EntityType = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Before = null);

/// <summary>
/// Reads the audit trail of the current organisation for the people allowed to see it. The trail
/// itself is written only by <see cref="WaymarkDbContext"/> and <see cref="AuditTrail"/>.
/// </summary>
public sealed class AuditLog(WaymarkDbContext db)
{
    /// <summary>
    /// Entries of the current organisation, newest first; with <paramref name="includeUnassigned"/>
    /// also the entries that belong to no organisation (account events such as an unknown name's
    /// failed sign-in). Nothing at all when no organisation is chosen.
    /// </summary>
    public IQueryable<AuditEntry> Query(AuditFilter filter, bool includeUnassigned)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (db.Scope.OrganisationId is not { } organisationId)
        {
            return db.AuditEntries.Where(_ => false);
        }

        // Two shapes rather than one with a flag, so that the database can read either from its index by organisation.
        var query = includeUnassigned
            ? Between(filter.From, filter.Before).Where(e => e.OrganisationId == organisationId || e.OrganisationId == null)
            : Between(filter.From, filter.Before).Where(e => e.OrganisationId == organisationId);
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            // Lower-cased on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not. (EF
            // translates ToLower/Contains to SQL; it has no translation for a StringComparison.)
            var person = filter.Person.Trim().ToLowerInvariant();
#pragma warning disable CA1862
            query = query.Where(e => e.Actor.ToLower().Contains(person));
#pragma warning restore CA1862
        }

        if (!string.IsNullOrEmpty(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        // The id is the entry's place in the chain, so it orders by time on both providers.
        return query.OrderByDescending(e => e.Id);
    }

    public async Task<AuditPage> PageAsync(AuditFilter filter, bool includeUnassigned, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var query = Query(filter, includeUnassigned).AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var current = Math.Clamp(page, 1, pages);
        var entries = await query.Skip((current - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditPage(entries, total, current, pages);
    }

    /// <summary>One entry, if it is visible under the same rule as <see cref="Query"/>.</summary>
    public Task<AuditEntry?> FindAsync(long id, bool includeUnassigned, CancellationToken cancellationToken = default) =>
        Query(new AuditFilter(), includeUnassigned).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>The entity types and the actions that occur in the visible entries, for the filters' lists.</summary>
    public async Task<(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions)> ChoicesAsync(bool includeUnassigned, CancellationToken cancellationToken = default)
    {
        var visible = Query(new AuditFilter(), includeUnassigned);
        var types = await visible.Where(e => e.EntityType != null).Select(e => e.EntityType!).Distinct().ToListAsync(cancellationToken);
        var actions = await visible.Select(e => e.Action).Distinct().ToListAsync(cancellationToken);
        return ([.. types.Order(StringComparer.Ordinal)], [.. actions.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The entries between two instants. PostgreSQL compares timestamps itself; EF Core refuses to
    /// compare DateTimeOffset on SQLite (it stores them as text), so there the text is compared:
    /// every audit time is stored in UTC to the millisecond ("2026-03-01 09:30:00.25+00:00"), and
    /// in that form text order is time order.
    /// </summary>
    private IQueryable<AuditEntry> Between(DateTimeOffset? from, DateTimeOffset? before)
    {
        if (from is null && before is null)
        {
            return db.AuditEntries;
        }

        if (!db.Database.IsSqlite())
        {
            var query = db.AuditEntries.AsQueryable();
            if (from is { } f)
            {
                var utc = f.ToUniversalTime();
                query = query.Where(e => e.OccurredAt >= utc);
            }

            if (before is { } b)
            {
                var utc = b.ToUniversalTime();
                query = query.Where(e => e.OccurredAt < utc);
            }

            return query;
        }

        var low = SqliteText(from ?? DateTimeOffset.MinValue);
        var high = SqliteText(before ?? DateTimeOffset.MaxValue);
        return db.AuditEntries.FromSqlInterpolated(
            $"""SELECT * FROM "AuditEntries" WHERE "OccurredAt" >= {low} AND "OccurredAt" < {high}""");
    }

    /// <summary>An instant as EF Core's SQLite provider writes a UTC DateTimeOffset (no fraction when it is zero).</summary>
    internal static string SqliteText(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF'+00:00'", CultureInfo.InvariantCulture);
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int Pages);
