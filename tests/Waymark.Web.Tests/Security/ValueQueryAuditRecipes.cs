using System.Net;
using System.Net.Http.Json;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// The audit recipes of verification as a conversation (<see cref="WriteAuditTests"/>), pages and API: each queries,
/// answers or corrects a fresh value once successfully, as an administrator (the value is entered by the set-up, so the
/// administrator may both query it and answer for it), and names the status that means saved.
/// </summary>
internal static class ValueQueryAuditRecipes
{
    private const string Api = "/api/v1/organisations/{org}/indicators/{id}/values/{period}";

    public static IReadOnlyDictionary<string, (Func<WriteContext, Task<HttpResponseMessage>> Send, HttpStatusCode Saved)> All { get; } =
        new Dictionary<string, (Func<WriteContext, Task<HttpResponseMessage>>, HttpStatusCode)>(StringComparer.Ordinal)
        {
            ["POST /{org}/indicators/verify/{id}/{period}/query"] = (async w =>
            {
                var (id, period) = await w.NewQuarterlyIndicatorAsync(withValue: true);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/verify/{id}/{period}/query", change: f => f["Note"] = "Audit recipe query");
            }, HttpStatusCode.Redirect),
            ["POST /{org}/indicators/{id}/values/{period}/answer"] = (async w =>
            {
                var (id, period) = await QueriedAsync(w);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/{id}/values/{period}/answer", change: f => f["Note"] = "Audit recipe answer");
            }, HttpStatusCode.Redirect),
            ["POST /{org}/indicators/{id}/values/{period}/answer?handler=Correct"] = (async w =>
            {
                var (id, period) = await QueriedAsync(w);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/{id}/values/{period}/answer", "handler=Correct", f =>
                {
                    f["Value"] = "47";
                    f["CorrectionNote"] = "Audit recipe correction";
                });
            }, HttpStatusCode.Redirect),
            [$"POST {Api}/query"] = (async w =>
            {
                var (id, period) = await w.NewQuarterlyIndicatorAsync(withValue: true);
                return await w.Api.PostAsJsonAsync(Url(w, id, period, "query"), new { note = "API recipe query", version = await VersionAsync(w, id, period) });
            }, HttpStatusCode.OK),
            [$"POST {Api}/answer"] = (async w =>
            {
                var (id, period) = await QueriedAsync(w);
                return await w.Api.PostAsJsonAsync(Url(w, id, period, "answer"), new { note = "API recipe answer", version = await VersionAsync(w, id, period) });
            }, HttpStatusCode.OK),
            [$"POST {Api}/correct"] = (async w =>
            {
                var (id, period) = await QueriedAsync(w);
                return await w.Api.PostAsJsonAsync(Url(w, id, period, "correct"), new { value = 47m, note = "API recipe correction", version = await VersionAsync(w, id, period) });
            }, HttpStatusCode.OK),
        };

    /// <summary>A fresh value, queried through the API.</summary>
    private static async Task<(int Id, string Period)> QueriedAsync(WriteContext w)
    {
        var (id, period) = await w.NewQuarterlyIndicatorAsync(withValue: true);
        using var response = await w.Api.PostAsJsonAsync(Url(w, id, period, "query"), new { note = "Recipe query", version = await VersionAsync(w, id, period) });
        response.EnsureSuccessStatusCode();
        return (id, period);
    }

    private static async Task<string?> VersionAsync(WriteContext w, int id, string period) =>
        (await w.Api.GetFromJsonAsync<Dictionary<string, object?>>(Url(w, id, period, null)))!["version"]?.ToString();

    private static Uri Url(WriteContext w, int id, string period, string? action) =>
        new($"/api/v1/organisations{w.Org}/indicators/{id}/values/{period}{(action is null ? "" : "/" + action)}", UriKind.Relative);
}
