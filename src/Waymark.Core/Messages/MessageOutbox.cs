using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Messages;

/// <summary>What one delivery run did.</summary>
public sealed record DeliveryResult(int Sent, int Retrying, int Failed);

/// <summary>
/// Sends the organisation's pending messages (the scheduler calls it; a page never does). Each message is marked as
/// being sent, handed to SMTP, and marked sent in its own transaction the moment the server accepts it, so a crash
/// leaves at most the one in flight to send again (with the same Message-ID). A refusal is retried after 1, 5 and 30
/// minutes (<see cref="MailSettings.RetryMinutes"/>), then given up as failed, with the server's reason.
/// </summary>
public sealed class MessageOutbox(WaymarkDbContext db, MailSettings mail, TimeProvider clock)
{
    /// <summary>At most this many messages a run, so that one organisation's backlog does not hold up the others.</summary>
    public const int BatchSize = 200;

    /// <summary>How long one message may take to send before it counts as failed.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Sends what is due now. Stopping (<paramref name="ct"/>) is honoured between messages, never during one: the
    /// message in hand is finished and recorded first.
    /// </summary>
    public async Task<DeliveryResult> DeliverAsync(CancellationToken ct = default)
    {
        var organisationId = db.Scope.RequireId();
        if (!mail.IsConfigured)
        {
            return new DeliveryResult(0, 0, 0);
        }

        var now = clock.GetUtcNow();
        // A message left "sending" was in flight when its sender stopped (delivery runs one at a time): send it again.
        // Times are compared here, not in SQL: SQLite cannot order DateTimeOffset values. Few messages wait at once.
        var due = (await db.OutboxMessages.Where(m => m.State == MessageState.Sending || m.State == MessageState.Pending)
                .OrderBy(m => m.Id).ToListAsync(ct))
            .Where(m => m.State == MessageState.Sending || m.NextAttemptAt is null || m.NextAttemptAt <= now).Take(BatchSize).ToList();
        int sent = 0, retrying = 0, failed = 0;
        await using var transport = new MailTransport(mail);
        foreach (var message in due)
        {
            if (ct.IsCancellationRequested)
            {
                break;
            }

            message.State = MessageState.Sending;
            message.Attempts++;
            await db.SaveChangesAsync(CancellationToken.None);
            var error = await TrySendAsync(transport, organisationId, message);
            var at = clock.GetUtcNow();
            if (error is null)
            {
                message.State = MessageState.Sent;
                message.SentAt = at;
                message.NextAttemptAt = null;
                message.LastError = null;
                sent++;
            }
            else if (message.Attempts > mail.RetryMinutes.Count)
            {
                message.State = MessageState.Failed;
                message.NextAttemptAt = null;
                message.LastError = Shorten($"Gave up after {message.Attempts} attempts: {error}");
                failed++;
            }
            else
            {
                message.State = MessageState.Pending;
                message.NextAttemptAt = at.AddMinutes(mail.RetryMinutes[message.Attempts - 1]);
                message.LastError = Shorten(error);
                retrying++;
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        return new DeliveryResult(sent, retrying, failed);
    }

    /// <summary>Null when the server accepted the message; else why not, in the server's words.</summary>
    private static async Task<string?> TrySendAsync(MailTransport transport, int organisationId, OutboxMessage message)
    {
        using var timeout = new CancellationTokenSource(SendTimeout);
        try
        {
            await transport.SendAsync(organisationId, message, timeout.Token);
            return null;
        }
        catch (SmtpCommandException ex)
        {
            return $"The mail server refused it ({(int)ex.StatusCode}): {ex.Message}";
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or AuthenticationException
                                       or SslHandshakeException or ServiceNotConnectedException or ServiceNotAuthenticatedException
                                       or OperationCanceledException or TimeoutException)
        {
            return $"Could not send it: {ex.Message}";
        }
    }

    private static string Shorten(string text) =>
        text.Length <= MessageLimits.ErrorMaxLength ? text : text[..(MessageLimits.ErrorMaxLength - 1)] + "…";
}
