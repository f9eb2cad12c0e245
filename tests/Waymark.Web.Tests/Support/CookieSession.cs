namespace Waymark.Web.Tests.Support;

/// <summary>
/// A browser-like session whose cookies the test can see and copy (the factory's own cookie
/// handling hides them): for tests of what happens to a copied session cookie.
/// </summary>
public sealed class CookieSession(HttpClient client, IDictionary<string, string>? cookies = null)
{
    private readonly Dictionary<string, string> _cookies = new(cookies ?? new Dictionary<string, string>(), StringComparer.Ordinal);

    /// <summary>A copy of the cookies held now.</summary>
    public Dictionary<string, string> Cookies => new(_cookies, StringComparer.Ordinal);

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        return await SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await (await GetAsync(formPage ?? url)).Content.ReadAsStringAsync();
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Forms.AntiforgeryToken(page) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new FormUrlEncodedContent(all) };
        return await SendAsync(request);
    }

    /// <summary>Posts the fields as they are (the caller brings the antiforgery token, perhaps from another node's form).</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';', 2)[0];
                var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
                var value = pair[(name.Length + 1)..];
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (expired || value.Length == 0)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }
}
