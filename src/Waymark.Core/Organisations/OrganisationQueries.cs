using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Organisations;

public sealed record LevelCount(string Key, string Name, string PluralName, int Count);

public sealed record OrganisationOverview(Organisation Organisation, int UnitCount, int PersonCount, IReadOnlyList<LevelCount> Levels);

public sealed class OrganisationQueries(WaymarkDbContext db)
{
    public async Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// The organisations someone may open: those that publish their framework, and (when signed in)
    /// those they are a member of.
    /// </summary>
    public async Task<IReadOnlyList<Organisation>> ListVisibleAsync(int? userId, CancellationToken cancellationToken = default)
    {
        var visible = userId is { } id
            ? db.Organisations.Where(o => o.PublishFramework
                || db.Memberships.IgnoreQueryFilters().Any(m => m.UserId == id && m.OrganisationId == o.Id))
            : db.Organisations.Where(o => o.PublishFramework);
        return await visible.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The organisations someone is a member of, by name.</summary>
    public async Task<IReadOnlyList<Organisation>> ListMemberOfAsync(int userId, CancellationToken cancellationToken = default) =>
        await db.Organisations
            .Where(o => db.Memberships.IgnoreQueryFilters().Any(m => m.UserId == userId && m.OrganisationId == o.Id))
            .AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);

    public Task<Organisation?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == slug, cancellationToken);

    /// <summary>Counts for the organisation the scope is in.</summary>
    public async Task<OrganisationOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        var organisation = db.Scope.Organisation
            ?? throw new InvalidOperationException("No organisation has been chosen for this request.");
        var levels = await db.FrameworkLevels.AsNoTracking()
            .OrderBy(l => l.SortOrder)
            .Select(l => new LevelCount(l.Key, l.Name, l.PluralName, db.Objectives.Count(o => o.LevelId == l.Id)))
            .ToListAsync(cancellationToken);
        return new OrganisationOverview(
            organisation,
            await db.Units.CountAsync(cancellationToken),
            await db.People.CountAsync(cancellationToken),
            levels);
    }
}
