using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Breakdowns;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// The audit recipes of breakdowns and places (<see cref="WriteAuditTests"/>), pages and API: each sets up a breakdown,
/// enters figures or changes a place successfully as an administrator, and names the status that means saved.
/// </summary>
internal static class BreakdownAuditRecipes
{
    private const string Api = "/api/v1/organisations/{org}";

    /// <summary>The current quarter of the demo councils as at January 2012: open, not locked.</summary>
    private const string Quarter = "Q2011-10";

    public static IReadOnlyDictionary<string, (Func<WriteContext, Task<HttpResponseMessage>> Send, HttpStatusCode Saved)> All { get; } =
        new Dictionary<string, (Func<WriteContext, Task<HttpResponseMessage>>, HttpStatusCode)>(StringComparer.Ordinal)
        {
            ["POST /{org}/indicators/{id}/breakdown"] = (async w =>
            {
                var (id, _) = await w.NewIndicatorAsync();
                var (unit, _) = await w.NewUnitAsync(withPost: false);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/{id}/breakdown", change: f =>
                {
                    f["Kind"] = "unit";
                    var row = f.First(x => x.Key.StartsWith("Units[", StringComparison.Ordinal) && x.Key.EndsWith("].Id", StringComparison.Ordinal)
                        && x.Value == unit.ToString(CultureInfo.InvariantCulture)).Key;
                    f[row.Replace("].Id", "].Include", StringComparison.Ordinal)] = "true";
                });
            }, HttpStatusCode.Redirect),
            ["POST /{org}/indicators/{id}/breakdown/{period}"] = (async w =>
            {
                var id = await BrokenDownAsync(w);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/indicators/{id}/breakdown/{Quarter}", change: f => f["Rows[0].Value"] = "12");
            }, HttpStatusCode.Redirect),
            ["POST /{org}/admin/places?handler=Add"] = (async w =>
                await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/places", "handler=add", f => f["NewName"] = "Recipe ward " + Guid.NewGuid().ToString("N")[..8]),
                HttpStatusCode.Redirect),
            ["POST /{org}/admin/places?handler=List"] = (async w =>
                await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/places", "handler=list", f => f["List"] = $"Recipe parish {Guid.NewGuid():N}\nRecipe town {Guid.NewGuid():N}"),
                HttpStatusCode.Redirect),
            ["POST /{org}/admin/places/{id}"] = (async w =>
            {
                var (id, _) = await NewPlaceAsync(w);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/places/{id}", change: f => f["Kind"] = "Ward");
            }, HttpStatusCode.Redirect),
            ["POST /{org}/admin/places/{id}?handler=Remove"] = (async w =>
            {
                var (id, _) = await NewPlaceAsync(w);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/places/{id}", "handler=remove");
            }, HttpStatusCode.Redirect),
            [$"PUT {Api}/indicators/{{id}}/breakdown"] = (async w =>
            {
                var (id, _) = await w.NewIndicatorAsync();
                var (unit, _) = await w.NewUnitAsync(withPost: false);
                return await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}/breakdown", UriKind.Relative),
                    new { kind = "unit", members = new[] { new { unitId = unit } } });
            }, HttpStatusCode.OK),
            [$"PUT {Api}/indicators/{{id}}/breakdown/{{period}}"] = (async w =>
            {
                var id = await BrokenDownAsync(w);
                var member = await MemberAsync(w, id);
                return await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}/breakdown/{Quarter}", UriKind.Relative),
                    new { rows = new[] { new { memberId = member, value = 7m } } });
            }, HttpStatusCode.OK),
            [$"POST {Api}/places/"] = (async w =>
                await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/places", UriKind.Relative), new { name = "API ward " + Guid.NewGuid().ToString("N")[..8], kind = "Ward" }),
                HttpStatusCode.Created),
            [$"POST {Api}/places/list"] = (async w =>
                await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/places/list", UriKind.Relative), new { list = $"API parish {Guid.NewGuid():N}", kind = "Parish" }),
                HttpStatusCode.OK),
            [$"PUT {Api}/places/{{id}}"] = (async w =>
            {
                var (id, version) = await NewPlaceAsync(w);
                return await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/places/{id}", UriKind.Relative), new { name = "Renamed " + Guid.NewGuid().ToString("N")[..8], version });
            }, HttpStatusCode.OK),
            [$"DELETE {Api}/places/{{id}}"] = (async w =>
            {
                var (id, version) = await NewPlaceAsync(w);
                return await w.Api.DeleteAsync(new Uri($"/api/v1/organisations{w.Org}/places/{id}?version={version}", UriKind.Relative));
            }, HttpStatusCode.NoContent),
        };

    /// <summary>A fresh indicator broken down by a fresh unit (set up through the API, which is audited on its own).</summary>
    private static async Task<int> BrokenDownAsync(WriteContext w)
    {
        var (id, _) = await w.NewIndicatorAsync();
        var (unit, _) = await w.NewUnitAsync(withPost: false);
        using var response = await w.Api.PutAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/indicators/{id}/breakdown", UriKind.Relative),
            new { kind = "unit", members = new[] { new { unitId = unit } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return id;
    }

    private static async Task<int> MemberAsync(WriteContext w, int indicatorId)
    {
        await using var scope = await ScopeAsync(w);
        return await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().BreakdownMembers
            .Where(m => m.Breakdown!.IndicatorId == indicatorId).Select(m => m.Id).SingleAsync();
    }

    private static async Task<(int Id, Guid Version)> NewPlaceAsync(WriteContext w)
    {
        await using var scope = await ScopeAsync(w);
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var place = new Place { OrganisationId = db.Scope.RequireId(), Name = "Recipe place " + Guid.NewGuid().ToString("N")[..8] };
        db.Places.Add(place);
        await db.SaveChangesAsync();
        return (place.Id, place.Version);
    }

    private static async Task<AsyncServiceScope> ScopeAsync(WriteContext w)
    {
        var scope = w.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Waymark.Core.Audit.AuditContext>().Set(null, WaymarkFactory.SetupActor, "tests");
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == w.Org.TrimStart('/'));
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
        return scope;
    }
}
