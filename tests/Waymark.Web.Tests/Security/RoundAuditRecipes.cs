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
            ["POST /{org}/admin/rounds"] = (w => WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/rounds",
                change: f => f["GraceDays"] = f["GraceDays"] == "1" ? "2" : "1"), HttpStatusCode.Redirect),
            ["POST /{org}/admin/rounds?handler=Add"] = (w => AddClosureAsync(w, ClosureDay()), HttpStatusCode.Redirect),
            ["POST /{org}/admin/rounds?handler=Remove"] = (async w =>
            {
                var day = ClosureDay();
                using var added = await AddClosureAsync(w, day);
                if (added.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"Adding the closure day before removing it answered {(int)added.StatusCode}.");
                }

                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/rounds?year={day.Year}", "handler=remove");
            }, HttpStatusCode.Redirect),
        };

    /// <summary>A Wednesday in mid-March of a year of its own (never a bank holiday), for a closure day.</summary>
    private static DateOnly ClosureDay()
    {
        var day = new DateOnly(2030 + Random.Shared.Next(60), 3, 10);
        return day.AddDays(((int)DayOfWeek.Wednesday - (int)day.DayOfWeek + 7) % 7);
    }

    private static Task<HttpResponseMessage> AddClosureAsync(WriteContext w, DateOnly day) =>
        WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/rounds?year={day.Year}", "handler=add", f =>
        {
            f["date-day"] = day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
            f["date-month"] = day.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
            f["date-year"] = day.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            f["Kind"] = "closure";
            f["Name"] = "Recipe closure day";
        });

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
