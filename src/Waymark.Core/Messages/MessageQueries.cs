using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Messages;

/// <summary>The message log's filters: state, kind, and words in the recipient or subject.</summary>
public sealed record MessageFilter(MessageState? State = null, NoticeKind? Kind = null, string? Search = null);

/// <summary>One line of the message log.</summary>
public sealed record MessageRow(int Id, string ToName, string ToAddress, NoticeKind Kind, string Subject, DateTimeOffset CreatedAt,
    MessageState State, int Attempts, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, string? LastError);

public sealed record MessagePage(IReadOnlyList<MessageRow> Rows, int Total, int Page, int PageSize);

/// <summary>The message log (newest first) and the counts the log page shows.</summary>
public sealed class MessageQueries(WaymarkDbContext db)
{
    public const int PageSize = 25;

    public async Task<MessagePage> LogAsync(MessageFilter filter, int page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.OutboxMessages.AsNoTracking();
        if (filter.State is { } state)
        {
            query = query.Where(m => m.State == state);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
        }

        if (Editing.FieldReader.Clean(filter.Search) is { } search)
        {
            var pattern = LikePattern.Containing(search);
            query = query.Where(m => EF.Functions.Like(m.ToName.ToLower(), pattern, "\\")
                                     || EF.Functions.Like(m.ToAddress.ToLower(), pattern, "\\")
                                     || EF.Functions.Like(m.Subject.ToLower(), pattern, "\\"));
        }

        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var current = Math.Clamp(page, 1, pages);
        var rows = await query.OrderByDescending(m => m.Id).Skip((current - 1) * PageSize).Take(PageSize)
            .Select(m => new MessageRow(m.Id, m.ToName, m.ToAddress, m.Kind, m.Subject, m.CreatedAt, m.State, m.Attempts, m.SentAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(ct);
        return new MessagePage(rows, total, current, PageSize);
    }

    /// <summary>How many messages are in each state.</summary>
    public async Task<IReadOnlyDictionary<MessageState, int>> CountsAsync(CancellationToken ct = default) =>
        await db.OutboxMessages.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>The last e-mail of a kind to each of these people (for "last reminder sent").</summary>
    public async Task<IReadOnlyDictionary<int, MessageRow>> LastToAsync(IReadOnlyCollection<int> personIds, NoticeKind kind, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.PersonId != null && personIds.Contains(m.PersonId.Value) && m.Kind == kind)
            .Select(m => new { PersonId = m.PersonId!.Value, Row = new MessageRow(m.Id, m.ToName, m.ToAddress, m.Kind, m.Subject, m.CreatedAt, m.State, m.Attempts, m.SentAt, m.NextAttemptAt, m.LastError) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Row.Id)!.Row);
    }
}
