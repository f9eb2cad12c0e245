using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Messages;

public sealed record NoticeRow(int Id, NoticeKind Kind, string Text, string? Link, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>A person's notices: the newest first, with how many are unread.</summary>
public sealed record PersonNotices(IReadOnlyList<NoticeRow> Recent, int Unread);

public sealed class NoticeQueries(WaymarkDbContext db)
{
    /// <summary>How many notices the home page lists.</summary>
    public const int Shown = 5;

    /// <summary>The person's unread notices (the newest <see cref="Shown"/>) and how many are unread.</summary>
    public async Task<PersonNotices> ForPersonAsync(int? personId, CancellationToken ct = default)
    {
        if (personId is not { } id)
        {
            return new PersonNotices([], 0);
        }

        var unread = db.Notices.AsNoTracking().Where(n => n.PersonId == id && n.ReadAt == null);
        var count = await unread.CountAsync(ct);
        var recent = await unread.OrderByDescending(n => n.Id).Take(Shown)
            .Select(n => new NoticeRow(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
        return new PersonNotices(recent, count);
    }

    /// <summary>The person's notices, read or not, the newest first (the most <paramref name="take"/>).</summary>
    public async Task<IReadOnlyList<NoticeRow>> AllAsync(int? personId, int take = 50, CancellationToken ct = default) =>
        personId is not { } id ? []
            : await db.Notices.AsNoTracking().Where(n => n.PersonId == id).OrderByDescending(n => n.Id).Take(take)
                .Select(n => new NoticeRow(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
}
