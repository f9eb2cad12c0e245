using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Plans;

/// <summary>
/// The action editors' save: the action's version guards the action and everything recorded against it (leads, links,
/// updates, revisions), so it is checked and moved on with every save, even when only those changed.
/// </summary>
internal static class ActionSave
{
    public const string Gone = "This action was deleted by someone else after you opened it.";

    /// <summary>Saves <paramref name="record"/> (the action, or a row of it) if the action is still at <paramref name="version"/>; an action deleted meanwhile is refused.</summary>
    public static async Task<EditResult<T>> SaveAsync<T>(WaymarkDbContext db, PlanAction action, Guid? version, T record,
        Func<CancellationToken, Task<T?>> current, string gone, CancellationToken ct)
        where T : class
    {
        var entry = db.Entry(action);
        if (version is { } read)
        {
            entry.Property(a => a.Version).OriginalValue = read;
        }

        if (entry.State != EntityState.Deleted)
        {
            entry.Property(a => a.Version).IsModified = true;
        }

        var result = await db.SaveAsync(record, current, ct);
        return result.Outcome == EditOutcome.NotFound ? EditResult<T>.Refused(gone) : result;
    }

    /// <summary>The action as it now is, for a conflict.</summary>
    public static Func<CancellationToken, Task<PlanAction?>> Current(WaymarkDbContext db, int id) =>
        ct => db.PlanActions.AsNoTracking().Include(a => a.Leads).Include(a => a.Links).SingleOrDefaultAsync(a => a.Id == id, ct);
}
