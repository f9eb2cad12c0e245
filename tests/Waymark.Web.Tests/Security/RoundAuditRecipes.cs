using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// The audit recipes of monitoring rounds (<see cref="WriteAuditTests"/>), pages and API: each opens or closes a round of
/// a month of its own in the demo council (one round per period), as an administrator, and names the status that means
/// saved.
/// </summary>
internal static class RoundAuditRecipes
{
    private const string Api = "/api/v1/organisations/{org}/rounds";

    public static IReadOnlyDictionary<string, (Func<WriteContext, Task<HttpResponseMessage>> Send, HttpStatusCode Saved)> All { get; } =
        new Dictionary<string, (Func<WriteContext, Task<HttpResponseMessage>>, HttpStatusCode)>(StringComparer.Ordinal)
        {
            ["POST /{org}/rounds/open"] = (w => WriteContext.SubmitAsync(w.Admin, $"{w.Org}/rounds/open?period=M2011-11"), HttpStatusCode.Redirect),
            ["POST /{org}/rounds/{id}/close"] = (async w =>
            {
                var id = await OpenAsync(w, "M2011-10");
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/rounds/{id}/close");
            }, HttpStatusCode.Redirect),
            [$"POST {Api}/"] = (w => w.Api.PostAsJsonAsync(Url(w), new { period = "M2011-09", graceDays = 2 }), HttpStatusCode.Created),
            [$"POST {Api}/{{id}}/close"] = (async w =>
            {
                var id = await OpenAsync(w, "M2011-08");
                using var read = await w.Api.GetAsync(new Uri($"{Url(w)}/{id}", UriKind.Relative));
                using var json = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
                var version = json.RootElement.GetProperty("round").GetProperty("version").GetGuid();
                return await w.Api.PostAsJsonAsync($"{Url(w)}/{id}/close", new { version });
            }, HttpStatusCode.OK),
        };

    private static string Url(WriteContext w) => $"/api/v1/organisations{w.Org}/rounds";

    /// <summary>A round opened through the API; its id.</summary>
    private static async Task<int> OpenAsync(WriteContext w, string period)
    {
        using var response = await w.Api.PostAsJsonAsync(Url(w), new { period });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("round").GetProperty("id").GetInt32();
    }
}
