using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Messages;
using Waymark.Web.Accounts;

namespace Waymark.Web.Api;

/// <summary>One message of the log: to whom, when, what, and whether it was sent or why not.</summary>
public sealed record MessageDto(int Id, string ToName, string ToAddress, string Kind, string Subject, DateTimeOffset CreatedAt,
    string State, int Attempts, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, string? LastError);

/// <summary>The message log, for the performance team: the same filters and pages as its page.</summary>
internal static class MessageEndpoints
{
    public static void MapMessageEndpoints(this RouteGroupBuilder org)
    {
        org.MapGet("/messages", ListMessages).RequireAuthorization(Policies.ReadMessageLog)
            .WithName("ListMessages")
            .WithSummary("The message log, newest first, 25 a page (page=2…): filter by state (pending, sending, sent, failed), kind (reminder, escalation, value-queried, return-returned, round-opened, round-closing-soon) and q (words in the recipient or subject). X-Total-Count says how many match.");
    }

    private static async Task<Ok<List<MessageDto>>> ListMessages(HttpContext http, MessageQueries messages, string? state, string? kind, string? q, int? page, CancellationToken ct)
    {
        var filter = new MessageFilter(
            Enum.GetValues<MessageState>().Cast<MessageState?>().FirstOrDefault(s => s.ToString()!.Equals(state, StringComparison.OrdinalIgnoreCase)),
            NoticeKinds.FromSlug(kind), q);
        var log = await messages.LogAsync(filter, page ?? 1, ct);
        var pages = Math.Max(1, (int)Math.Ceiling(log.Total / (double)log.PageSize));
        ApiPaging.Describe(http, log.Total, log.Page < pages ? ("page", log.Page + 1, log.PageSize) : null);
        return TypedResults.Ok(log.Rows.Select(m => new MessageDto(m.Id, m.ToName, m.ToAddress, m.Kind.Slug(), m.Subject, m.CreatedAt,
            m.State.ToString().ToLowerInvariant(), m.Attempts, m.SentAt, m.NextAttemptAt, m.LastError)).ToList());
    }
}
