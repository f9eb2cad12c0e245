using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Waymark.Bench;

/// <summary>One request as measured: how long until the whole body was read, its status and size.</summary>
public readonly record struct Sample(double Milliseconds, int Status, long Bytes, bool Failed);

/// <summary>A browser-like client of the server: its own cookies (signed in through the real sign-in form) or an API token.</summary>
public sealed partial class Session : IDisposable
{
    private readonly HttpClient _client;

    private Session(Uri address, string? token)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        _client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        if (token is not null)
        {
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public static Session Anonymous(Uri address) => new(address, null);

    public static Session WithToken(Uri address, string token) => new(address, token);

    /// <summary>Signs in through the sign-in page as a person would (antiforgery token, form post, cookie).</summary>
    public static async Task<Session> SignInAsync(Uri address, string userName, string password, CancellationToken ct)
    {
        var session = new Session(address, null);
        var form = await session.GetTextAsync("/sign-in", ct);
        using var post = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = Antiforgery(form),
        });
        using var response = await session._client.PostAsync("/sign-in", post, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            session.Dispose();
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}, not a redirect.");
        }

        return session;
    }

    public async Task<Sample> GetAsync(string path, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
            var bytes = await DrainAsync(response, ct);
            return new Sample(clock.Elapsed.TotalMilliseconds, (int)response.StatusCode, bytes, !response.IsSuccessStatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new Sample(clock.Elapsed.TotalMilliseconds, 0, 0, Failed: true);
        }
    }

    public async Task<(Sample Sample, string Body)> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await _client.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var ok = response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect;
            return (new Sample(clock.Elapsed.TotalMilliseconds, (int)response.StatusCode, body.Length, !ok), body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // A write that outlasts the client's patience is a failure to report, not the end of the run.
            return (new Sample(clock.Elapsed.TotalMilliseconds, 0, 0, Failed: true), ex.Message);
        }
    }

    public async Task<string> GetTextAsync(string path, CancellationToken ct)
    {
        using var response = await _client.GetAsync(path, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>The antiforgery token of the first form in a page.</summary>
    public static string Antiforgery(string html) => Hidden(html, "__RequestVerificationToken")
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>The value of a hidden input of a page, decoded.</summary>
    public static string? Hidden(string html, string name)
    {
        ArgumentNullException.ThrowIfNull(html);
        foreach (Match m in InputTag().Matches(html))
        {
            if (m.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(m.Value) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        return null;
    }

    public void Dispose() => _client.Dispose();

    private static async Task<long> DrainAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
        }

        return total;
    }

    [GeneratedRegex("<input [^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ValueAttribute();
}
