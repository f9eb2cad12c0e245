using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Waymark.Web.Api;

/// <summary>
/// How a paged list says there is more: the body stays the array it always was, and the headers carry the rest —
/// <c>X-Total-Count</c> (how many in all) and a <c>Link</c> to the next page (RFC 8288), the request's own URL with the
/// continuation set. A client that reads only the body sees the first page.
/// </summary>
internal static class ApiPaging
{
    public const string TotalHeader = "X-Total-Count";

    public static void Describe(HttpContext http, int total, (string Name, int After, int Limit)? next)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers[TotalHeader] = total.ToString(CultureInfo.InvariantCulture);
        if (next is not { } n)
        {
            return;
        }

        var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value)
            .Where(q => q.Key != n.Name && q.Key != "limit")
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["limit"] = n.Limit.ToString(CultureInfo.InvariantCulture);
        query[n.Name] = n.After.ToString(CultureInfo.InvariantCulture);
        var url = QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path, query);
        http.Response.Headers.Link = $"<{url}>; rel=\"next\"";
    }
}
