using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Messages;

/// <summary>Marks a person's notices as read: only their own.</summary>
public sealed class NoticeEditor(WaymarkDbContext db, TimeProvider clock)
{
    public const string NotYours = "You can only mark your own notices as read.";

    public async Task<EditResult<Notice>> MarkReadAsync(Actor? actor, int noticeId, CancellationToken ct = default)
    {
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null)
        {
            return EditResult<Notice>.NotFound();
        }

        if (!Permissions.CanMarkNoticeRead(actor, notice.PersonId))
        {
            return EditResult<Notice>.Forbidden(NotYours);
        }

        notice.ReadAt ??= clock.GetUtcNow();
        return await db.SaveAsync(notice, c => db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId, c), ct);
    }

    /// <summary>Every unread notice of the actor's, as read; how many there were.</summary>
    public async Task<EditResult<IReadOnlyList<Notice>>> MarkAllReadAsync(Actor? actor, CancellationToken ct = default)
    {
        if (actor is null or { ReadOnly: true })
        {
            return EditResult<IReadOnlyList<Notice>>.Forbidden(NotYours);
        }

        if (actor.PersonId is not { } person)
        {
            // Not recorded as a person here, so nobody has written them a notice.
            return EditResult<IReadOnlyList<Notice>>.Done([]);
        }

        var unread = await db.Notices.Where(n => n.PersonId == person && n.ReadAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        unread.ForEach(n => n.ReadAt = now);
        await db.SaveChangesAsync(ct);
        return EditResult<IReadOnlyList<Notice>>.Done(unread);
    }
}
