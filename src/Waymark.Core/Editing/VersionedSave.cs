using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Editing;

/// <summary>
/// The one concurrency-checked save every editor uses. A change is made against the version the person last read; if
/// the record has moved on (before the save, or between the read and the write) nothing is saved and the answer is
/// <see cref="EditOutcome.Conflict"/> with the record as it now is, or <see cref="EditOutcome.NotFound"/> when it has
/// gone meanwhile.
/// </summary>
public static class VersionedSave
{
    /// <summary>
    /// Applies <paramref name="apply"/> and saves, unless <paramref name="record"/> is no longer at <paramref name="version"/>.
    /// A null <paramref name="version"/> skips the check (deletes that do not insist, and new records).
    /// </summary>
    /// <param name="current">Reads the record as it now is (untracked, with what the caller shows of it).</param>
    public static async Task<EditResult<T>> SaveVersionedAsync<T>(this WaymarkDbContext db, T record, Guid? version,
        Func<CancellationToken, Task<T?>> current, Action? apply = null, CancellationToken ct = default)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(current);
        var added = db.Entry(record).State == EntityState.Added;
        if (version is { } expected && !added && record.Version != expected)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(current, ct);
        }

        apply?.Invoke();
        if (version is { } original && !added)
        {
            db.Entry(record).Property(r => r.Version).OriginalValue = original;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved (or deleted) by someone else between our read and our write.
            db.ChangeTracker.Clear();
            return await ConflictAsync(current, ct);
        }

        return EditResult<T>.Done(record);
    }

    /// <summary>Saves changes to records that carry no version of their own (guarded by a parent's, or append-only).</summary>
    public static async Task<EditResult<T>> SaveAsync<T>(this WaymarkDbContext db, T record, Func<CancellationToken, Task<T?>> current, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(current, ct);
        }

        return EditResult<T>.Done(record);
    }

    /// <summary>The record as it now is, as a conflict; not found when it has gone.</summary>
    public static async Task<EditResult<T>> ConflictAsync<T>(Func<CancellationToken, Task<T?>> current, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(current);
        return await current(ct) is { } now ? EditResult<T>.Conflict(now) : EditResult<T>.NotFound();
    }
}
