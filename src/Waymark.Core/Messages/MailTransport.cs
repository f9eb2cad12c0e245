using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Waymark.Core.Messages;

/// <summary>
/// Sends e-mail over SMTP with MailKit: one connection per batch, each message sent on its own so that one refusal
/// fails that message only.
/// </summary>
public sealed class MailTransport(MailSettings settings) : IAsyncDisposable
{
    private SmtpClient? client;

    /// <summary>Sends one message; throws when the server does not accept it.</summary>
    public async Task SendAsync(int organisationId, OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = await ConnectedAsync(ct);
        using var mime = Build(settings, organisationId, message);
        await smtp.SendAsync(mime, ct);
    }

    /// <summary>The MIME message: plain text and its HTML version, and a Message-ID made from the idempotency key.</summary>
    public static MimeMessage Build(MailSettings settings, int organisationId, OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.SenderName, settings.SenderAddress ?? throw new InvalidOperationException("Waymark:Mail:SenderAddress is not set.")));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = MessageId(settings, organisationId, message.IdempotencyKey);
        mime.Date = message.CreatedAt;
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>
    /// The same for every attempt at the same message, so that a message sent again after a crash is recognised by the
    /// receiving side as the one already delivered.
    /// </summary>
    public static string MessageId(MailSettings settings, int organisationId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{organisationId}/{idempotencyKey}")))[..32];
        var domain = settings.SenderAddress is { } sender && sender.IndexOf('@', StringComparison.Ordinal) is var at and > 0
            ? sender[(at + 1)..]
            : "waymark.invalid";
        return $"{hash}@{domain}";
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (client is { IsConnected: true })
        {
            return client;
        }

        client?.Dispose();
        client = new SmtpClient { Timeout = 60_000 };
        var options = settings.Security switch
        {
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Waymark:Mail:Host is not set."), settings.Port, options, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, ct);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (client is null)
        {
            return;
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // The messages are already accepted or recorded as failed; a failed goodbye changes nothing.
            }
        }

        client.Dispose();
    }
}
