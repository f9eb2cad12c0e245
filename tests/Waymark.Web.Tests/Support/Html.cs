using System.Net;
using System.Text.RegularExpressions;

namespace Waymark.Web.Tests.Support;

/// <summary>Small helpers to read server-rendered HTML in integration tests.</summary>
public static partial class Html
{
    public static async Task<string> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url} returned {(int)response.StatusCode}, expected {(int)expected}.\n{body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    /// <summary>The text content of the element carrying data-testid="<paramref name="testId"/>" (first match).</summary>
    public static string TestId(string html, string testId) => Text(InnerHtml(html, testId));

    /// <summary>The inner HTML of the element carrying the test id, nested elements of the same name included.</summary>
    public static string InnerHtml(string html, string testId)
    {
        ArgumentNullException.ThrowIfNull(html);
        var start = Regex.Match(html, $"<(?<tag>[a-z0-9]+)\\b[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>");
        Assert.True(start.Success, $"No element with data-testid=\"{testId}\".");
        var tag = start.Groups["tag"].Value;
        var depth = 1;
        var bodyStart = start.Index + start.Length;
        foreach (Match m in Regex.Matches(html[bodyStart..], $"<(?<close>/)?{tag}\\b[^>]*>"))
        {
            depth += m.Groups["close"].Success ? -1 : 1;
            if (depth == 0)
            {
                return html.Substring(bodyStart, m.Index);
            }
        }

        throw new Xunit.Sdk.XunitException($"The element with data-testid=\"{testId}\" is not closed.");
    }

    public static string Text(string html) => WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(html, " "), " ")).Trim();

    /// <summary>The first link whose text contains <paramref name="text"/>.</summary>
    public static string Href(string html, string text)
    {
        foreach (Match m in Links().Matches(html))
        {
            if (Text(m.Groups["text"].Value).Contains(text, StringComparison.Ordinal))
            {
                return WebUtility.HtmlDecode(m.Groups["href"].Value);
            }
        }

        throw new Xunit.Sdk.XunitException($"No link containing \"{text}\".");
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<a [^>]*href=\"(?<href>[^\"]*)\"[^>]*>(?<text>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Links();
}

/// <summary>Posting forms the way a browser does: with the antiforgery token from the page.</summary>
public static partial class Forms
{
    /// <summary>GETs <paramref name="url"/> (or <paramref name="formPage"/>), then POSTs the fields with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(new Uri(formPage ?? url, UriKind.Relative));
        var token = AntiforgeryToken(page);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = Token().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return System.Net.WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex Token();
}

public static class Redirects
{
    /// <summary>The path a redirect points at, whether the Location is absolute or relative.</summary>
    public static string? RedirectPath(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.Location is not { } location ? null
            : location.IsAbsoluteUri ? location.AbsolutePath
            : new Uri(new Uri("http://localhost"), location).AbsolutePath;
    }
}
