using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Rounds;
using Waymark.Core.Units;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// The audit recipes of owners' returns (<see cref="WriteAuditTests"/>), pages and API: a fresh return in a round of its
/// own, with one indicator value entered, owned by a new lead officer who submits it; the administrator signs it off
/// or returns its item.
/// </summary>
internal static class ReturnAuditRecipes
{
    private static int _month;

    public static IReadOnlyDictionary<string, (Func<WriteContext, Task<HttpResponseMessage>> Send, HttpStatusCode Saved)> All { get; } =
        new Dictionary<string, (Func<WriteContext, Task<HttpResponseMessage>>, HttpStatusCode)>(StringComparer.Ordinal)
        {
            ["POST /{org}/my-return/{id}"] = (async w =>
            {
                var r = await NewReturnAsync(w, submitted: false);
                var owner = await w.Factory.SignedInClientAsync(r.UserName);
                return await WriteContext.SubmitAsync(owner, $"{w.Org}/my-return/{r.RoundId}");
            }, HttpStatusCode.Redirect),
            ["POST /{org}/returns/{id}?handler=SignOff"] = (async w =>
            {
                var r = await NewReturnAsync(w, submitted: true);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/returns/{r.Id}", "handler=SignOff");
            }, HttpStatusCode.Redirect),
            ["POST /{org}/returns/{id}?handler=ReturnItem"] = (async w =>
            {
                var r = await NewReturnAsync(w, submitted: true);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/returns/{r.Id}", "handler=ReturnItem", f => f["Note"] = "Audit recipe note");
            }, HttpStatusCode.Redirect),
            ["POST /api/v1/organisations/{org}/returns/{id}/submit"] = (async w =>
            {
                var r = await NewReturnAsync(w, submitted: false);
                var owner = await w.Factory.TokenClientAsync(r.UserName);
                return await owner.PostAsJsonAsync(Url(w, r.Id, "submit"), new { version = await VersionAsync(owner, w, r.Id) });
            }, HttpStatusCode.OK),
            ["POST /api/v1/organisations/{org}/returns/{id}/sign-off"] = (async w =>
            {
                var r = await NewReturnAsync(w, submitted: true);
                return await w.Api.PostAsJsonAsync(Url(w, r.Id, "sign-off"), new { version = await VersionAsync(w.Api, w, r.Id) });
            }, HttpStatusCode.OK),
            ["POST /api/v1/organisations/{org}/returns/{id}/return-item"] = (async w =>
            {
                var r = await NewReturnAsync(w, submitted: true);
                return await w.Api.PostAsJsonAsync(Url(w, r.Id, "return-item"), new { itemId = r.ItemId, note = "API recipe note", version = await VersionAsync(w.Api, w, r.Id) });
            }, HttpStatusCode.OK),
        };

    private sealed record NewReturn(int Id, int RoundId, int ItemId, string UserName);

    /// <summary>A return in a new round (a month of its own), owned by a new lead officer, with one value entered.</summary>
    private static async Task<NewReturn> NewReturnAsync(WriteContext w, bool submitted)
    {
        await using var scope = w.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Waymark.Core.Audit.AuditContext>().Set(null, WaymarkFactory.SetupActor, "tests");
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var org = await db.Organisations.SingleAsync(o => o.Slug == w.Org.TrimStart('/'));
        var n = Interlocked.Increment(ref _month);
        var unit = new Unit { OrganisationId = org.Id, Name = "Recipe returns" };
        var person = new Person { OrganisationId = org.Id, Name = "Recipe return owner", Unit = unit };
        var indicator = new Indicator { OrganisationId = org.Id, Title = "Recipe return indicator", OwningUnit = unit, DataOwnerPerson = person, Frequency = Frequency.Monthly };
        var period = Period.Month(1970 + (n / 12), (n % 12) + 1);
        var round = new MonitoringRound
        {
            OrganisationId = org.Id, Period = period, OpenedAt = DateTimeOffset.UtcNow, OpenedByName = "Recipe",
            ReturnsDeadline = new DateOnly(2099, 1, 1), SignOffDeadline = new DateOnly(2099, 1, 8),
        };
        db.AddRange(unit, person, indicator, round);
        await db.SaveChangesAsync();
        db.IndicatorValues.Add(new IndicatorValue { OrganisationId = org.Id, IndicatorId = indicator.Id, Period = period, Value = 1, EnteredByName = "Recipe", EnteredAt = DateTimeOffset.UtcNow });
        var item = new RoundReturnItem { OrganisationId = org.Id, Kind = RoundItemKind.IndicatorValue, IndicatorId = indicator.Id, ValuePeriod = period, UnitId = unit.Id };
        var r = new RoundReturn
        {
            OrganisationId = org.Id, RoundId = round.Id, PersonId = person.Id, UnitId = unit.Id, Items = [item],
            State = submitted ? ReturnState.Submitted : ReturnState.NotStarted, SubmittedAt = submitted ? DateTimeOffset.UtcNow : null,
            FirstSubmittedOn = submitted ? new DateOnly(2012, 1, 10) : null,
        };
        db.RoundReturns.Add(r);
        await db.SaveChangesAsync();
        var userName = $"return-owner-{Guid.NewGuid():N}@example.test";
        await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(userName, "Recipe return owner", org.Id, Role.LeadOfficer, unit.Id, person.Id);
        return new NewReturn(r.Id, round.Id, item.Id, userName);
    }

    private static async Task<string?> VersionAsync(HttpClient client, WriteContext w, int id) =>
        (await client.GetFromJsonAsync<Dictionary<string, object?>>(Url(w, id, null)))!["version"]?.ToString();

    private static Uri Url(WriteContext w, int id, string? action) =>
        new($"/api/v1/organisations{w.Org}/returns/{id}{(action is null ? "" : "/" + action)}", UriKind.Relative);
}
