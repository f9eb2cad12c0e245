using System.Net;
using System.Net.Http.Json;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// The audit recipes of lock exceptions (<see cref="WriteAuditTests"/>), pages and API: each grants or ends one
/// successfully as an administrator, and names the status that means saved.
/// </summary>
internal static class CorrectionAuditRecipes
{
    private const string Api = "/api/v1/organisations/{org}/corrections/lock-exceptions";

    public static IReadOnlyDictionary<string, (Func<WriteContext, Task<HttpResponseMessage>> Send, HttpStatusCode Saved)> All { get; } =
        new Dictionary<string, (Func<WriteContext, Task<HttpResponseMessage>>, HttpStatusCode)>(StringComparer.Ordinal)
        {
            ["POST /{org}/corrections/exceptions/new"] = (async w =>
            {
                var (unitId, _) = await w.NewUnitAsync(withPost: false);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/corrections/exceptions/new", change: f =>
                {
                    f["UnitId"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    f["until-day"] = "31";
                    f["until-month"] = "12";
                    f["until-year"] = "2099";
                    f["Reason"] = "Audit recipe exception";
                });
            }, HttpStatusCode.Redirect),
            ["POST /{org}/corrections/exceptions/{id}/end"] = (async w =>
            {
                var (id, _) = await w.NewLockExceptionAsync();
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/corrections/exceptions/{id}/end");
            }, HttpStatusCode.Redirect),
            [$"POST {Api}"] = (async w =>
            {
                var (unitId, _) = await w.NewUnitAsync(withPost: false);
                return await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/corrections/lock-exceptions", UriKind.Relative),
                    new { unitId, until = "2099-12-31", reason = "API recipe exception" });
            }, HttpStatusCode.Created),
            [$"POST {Api}/{{id}}/end"] = (async w =>
            {
                var (id, version) = await w.NewLockExceptionAsync();
                return await w.Api.PostAsJsonAsync(new Uri($"/api/v1/organisations{w.Org}/corrections/lock-exceptions/{id}/end", UriKind.Relative), new { version });
            }, HttpStatusCode.OK),
        };
}
