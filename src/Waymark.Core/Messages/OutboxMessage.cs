using Waymark.Core.Audit;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Core.Messages;

/// <summary>Where an e-mail stands: written to the log first, then delivered by the scheduler (never by a page).</summary>
public enum MessageState
{
    Pending = 0,
    Sending = 1,
    Sent = 2,
    Failed = 3,
}

/// <summary>
/// One e-mail, in the message log. Every message is written here before it is sent (the outbox); the scheduler sends
/// what is pending, retries with back-off, and records what became of it.
/// </summary>
public class OutboxMessage : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>The person it is for; kept when the person is deleted (the log keeps their name and address).</summary>
    public int? PersonId { get; set; }
    public Person? Person { get; set; }

    public required string ToName { get; set; }
    public required string ToAddress { get; set; }
    public NoticeKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Unique in the organisation: kind, person and day ("reminder/p12/2012-01-16"), so that a message planned twice —
    /// by two nodes, or after a restart — is written once. Also the seed of its Message-ID.
    /// </summary>
    public required string IdempotencyKey { get; set; }

    public MessageState State { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Delivery book-keeping: the log is its own record of these, so the audit trail records only the message's creation.</summary>
    public static IReadOnlySet<string> DeliveryFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(State), nameof(Attempts), nameof(LastError), nameof(NextAttemptAt), nameof(SentAt),
    };

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Kind.Words()} e-mail to {ToName} <{ToAddress}>";
}

public static class MessageLimits
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 320;
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 20000;
    public const int HtmlMaxLength = 60000;
    public const int KeyMaxLength = 200;
    public const int ErrorMaxLength = 2000;
}
