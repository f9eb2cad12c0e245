using System.Globalization;
using System.Net.Http.Json;
using Waymark.Core.Periods;

namespace Waymark.Web.Tests.Security;

/// <summary>The audit recipes of the actions API (<see cref="WriteAuditTests"/>): each calls the endpoint as a client would, as an administrator.</summary>
internal static class ActionApiAuditRecipes
{
    public static async Task<HttpResponseMessage> CreateAsync(WriteContext w)
    {
        var (plan, _) = await ActionAuditRecipes.PlanWithActionAsync(w);
        return await w.Api.PostAsJsonAsync(Url(w, plan, ""), new { title = "An action made by the API recipe", leads = new[] { new { name = "Recipe lead" } } });
    }

    public static async Task<HttpResponseMessage> UpdateAsync(WriteContext w)
    {
        var (plan, action, version) = await ActionAsync(w);
        return await w.Api.PutAsJsonAsync(Url(w, plan, $"/{action}"), new
        {
            kind = "improvement-action", state = "in-progress", title = "Changed by the API recipe", leads = new[] { new { name = "Recipe lead" } }, version,
        });
    }

    public static async Task<HttpResponseMessage> DeleteAsync(WriteContext w)
    {
        var (plan, action, version) = await ActionAsync(w);
        return await w.Api.DeleteAsync(Url(w, plan, $"/{action}?version={version}"));
    }

    public static async Task<HttpResponseMessage> RecordUpdateAsync(WriteContext w)
    {
        var (plan, action) = await ActionAuditRecipes.PlanWithActionAsync(w);
        return await w.Api.PutAsJsonAsync(Url(w, plan, $"/{action}/updates/{CurrentQuarter()}"), new { rag = "amber", commentary = "Recorded by the API recipe" });
    }

    public static async Task<HttpResponseMessage> DeleteUpdateAsync(WriteContext w)
    {
        var (plan, action) = await ActionAuditRecipes.PlanWithActionAsync(w, withUpdate: true);
        var version = await VersionAsync(w, plan, action);
        return await w.Api.DeleteAsync(Url(w, plan, $"/{action}/updates/{CurrentQuarter()}?version={version}"));
    }

    public static async Task<HttpResponseMessage> ReviseDueAsync(WriteContext w)
    {
        var (plan, action, version) = await ActionAsync(w);
        var month = "December " + (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
        return await w.Api.PostAsJsonAsync(Url(w, plan, $"/{action}/due"), new { month, reason = "Revised by the API recipe", version });
    }

    public static async Task<HttpResponseMessage> SetStateAsync(WriteContext w)
    {
        var (plan, action, version) = await ActionAsync(w);
        return await w.Api.PostAsJsonAsync(Url(w, plan, $"/{action}/state"), new { state = "completed", version });
    }

    private static Uri Url(WriteContext w, int plan, string tail) => new($"/api/v1/organisations{w.Org}/plans/{plan}/actions{tail}", UriKind.Relative);

    /// <summary>The current quarter of South Cambridgeshire's April year (it runs as at a demo date), as a code.</summary>
    private static string CurrentQuarter() => Period.QuarterContaining(Support.TestData.DemoToday, 4).Code;

    /// <summary>A fresh plan and action, and the action's version as the API gives it.</summary>
    private static async Task<(int Plan, int Action, string? Version)> ActionAsync(WriteContext w)
    {
        var (plan, action) = await ActionAuditRecipes.PlanWithActionAsync(w);
        return (plan, action, await VersionAsync(w, plan, action));
    }

    private static async Task<string?> VersionAsync(WriteContext w, int plan, int action) =>
        (await w.Api.GetFromJsonAsync<Dictionary<string, object?>>(Url(w, plan, $"/{action}")))!["version"]?.ToString();
}
