namespace Waymark.Core.Messages;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP (a relay on the same host or network only).</summary>
    None = 0,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (port 587); refuses a server that cannot.</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 2,
}

/// <summary>
/// The mail path's settings (<c>Waymark:Mail:…</c>), from configuration or the environment only: never stored in the
/// database or the repository. With no host, Waymark gives in-app notices only.
/// </summary>
public sealed class MailSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The From address ("performance@council.gov.uk").</summary>
    public string? SenderAddress { get; set; }

    /// <summary>The From name ("Performance team").</summary>
    public string SenderName { get; set; } = "Waymark";

    /// <summary>The address people reach Waymark at ("https://waymark.council.gov.uk"), for the links in e-mails.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Minutes to wait before each retry of a failed send; after the last, the message is given up as failed.</summary>
    public IReadOnlyList<int> RetryMinutes { get; set; } = [1, 5, 30];

    /// <summary>Whether e-mail can be sent at all (a host and a sender are set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(SenderAddress);

    /// <summary>What an administrator is told when e-mail is not configured, or null when it is.</summary>
    public string? NotConfiguredReason =>
        string.IsNullOrWhiteSpace(Host) ? "E-mail is not configured (Waymark:Mail:Host is not set): people get in-app notices only."
        : string.IsNullOrWhiteSpace(SenderAddress) ? "E-mail is not configured (Waymark:Mail:SenderAddress is not set): people get in-app notices only."
        : null;

    /// <summary>An absolute address for a path inside Waymark, when the site's address is known; else the path.</summary>
    public string Absolute(string path) =>
        string.IsNullOrWhiteSpace(SiteUrl) ? path : SiteUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
