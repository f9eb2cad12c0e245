using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

/// <summary>Builds the <see cref="Actor"/> for a user in the current organisation.</summary>
public sealed class ActorService(WaymarkDbContext db)
{
    /// <summary>The actor, or null when the user is not a member of the current organisation.</summary>
    public async Task<Actor?> ForUserAsync(int userId, bool readOnly = false, CancellationToken cancellationToken = default)
    {
        if (db.Scope.OrganisationId is not { } organisationId)
        {
            return null;
        }

        var member = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && !m.User!.IsDisabled)
            .Select(m => new { m.Role, m.UnitId, m.PersonId, m.User!.DisplayName })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }

        var units = member.UnitId is { } top
            ? await SubtreeAsync(top, cancellationToken)
            : new HashSet<int>();
        var posts = member.PersonId is { } person
            ? (await db.Posts.AsNoTracking().Where(p => p.HolderId == person).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        return new Actor(userId, member.DisplayName, organisationId, member.Role, member.UnitId is null, units, member.PersonId, posts, readOnly);
    }

    /// <summary>A unit and every unit below it.</summary>
    public async Task<HashSet<int>> SubtreeAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var parents = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken);
        var children = parents.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value, p => p.Id);
        var result = new HashSet<int>();
        var queue = new Queue<int>([unitId]);
        while (queue.TryDequeue(out var id))
        {
            if (result.Add(id))
            {
                foreach (var child in children[id])
                {
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }
}
