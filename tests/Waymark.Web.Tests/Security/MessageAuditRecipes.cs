using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Rounds;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>
/// The audit recipes of messages (<see cref="WriteAuditTests"/>): marking notices read (as the demo lead officer, who is a
/// person of the council), the reminder schedule and templates (as the administrator), and a reminder sent now.
/// </summary>
internal static class MessageAuditRecipes
{
    public static IReadOnlyDictionary<string, (Func<WriteContext, Task<HttpResponseMessage>> Send, HttpStatusCode Saved)> All { get; } =
        new Dictionary<string, (Func<WriteContext, Task<HttpResponseMessage>>, HttpStatusCode)>(StringComparer.Ordinal)
        {
            ["POST /{org}/notices?handler=Read"] = (async w =>
            {
                var (lead, id) = await NoticeForLeadAsync(w);
                return await WriteContext.SubmitAsync(lead, $"{w.Org}/notices", $"id={id}");
            }, HttpStatusCode.Redirect),
            ["POST /{org}/notices?handler=ReadAll"] = (async w =>
            {
                var (lead, _) = await NoticeForLeadAsync(w);
                return await WriteContext.SubmitAsync(lead, $"{w.Org}/notices", "handler=ReadAll");
            }, HttpStatusCode.Redirect),
            ["POST /{org}/admin/messages"] = (w => WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/messages", change: f => f["RepeatDays"] = f["RepeatDays"] == "4" ? "3" : "4"), HttpStatusCode.Redirect),
            ["POST /{org}/admin/messages/templates/{id}"] = (w => WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/messages/templates/escalation",
                change: f => f["Subject"] = $"Overdue: {{{{owner}}}} ({Guid.NewGuid():N})"), HttpStatusCode.Redirect),
            ["POST /{org}/admin/messages/templates/{id}?handler=Reset"] = (async w =>
            {
                using var saved = await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/messages/templates/round-opened", change: f => f["Subject"] = "Our own {{round}} subject");
                if (saved.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"Saving the template before resetting it answered {(int)saved.StatusCode}.");
                }

                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/admin/messages/templates/round-opened", "handler=Reset");
            }, HttpStatusCode.Redirect),
            ["POST /{org}/rounds/{id}/reminders?handler=Send"] = (async w =>
            {
                var (round, returnId) = await OutstandingReturnAsync(w);
                return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/rounds/{round}/reminders", $"returnId={returnId}");
            }, HttpStatusCode.Redirect),
        };

    /// <summary>A new unread notice for the demo lead officer, and their signed-in client.</summary>
    private static async Task<(HttpClient Lead, int NoticeId)> NoticeForLeadAsync(WriteContext w)
    {
        var userName = WaymarkFactory.Demo(Role.LeadOfficer);
        var lead = await w.Factory.SignedInClientAsync(userName);
        await using var scope = await ScopeAsync(w);
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var person = await db.Memberships.Where(m => m.User!.UserName == userName).Select(m => m.PersonId!.Value).SingleAsync();
        var notice = new Notice
        {
            OrganisationId = db.Scope.RequireId(), PersonId = person, Kind = NoticeKind.RoundOpened, Text = "Recipe notice",
            CreatedAt = DateTimeOffset.UtcNow, IdempotencyKey = "recipe/" + Guid.NewGuid().ToString("N"),
        };
        db.Notices.Add(notice);
        await db.SaveChangesAsync();
        return (lead, notice.Id);
    }

    /// <summary>A new open round with one return not started, by a person never reminded.</summary>
    private static async Task<(int Round, int Return)> OutstandingReturnAsync(WriteContext w)
    {
        await using var scope = await ScopeAsync(w);
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var org = db.Scope.RequireId();
        var year = 1900 + Random.Shared.Next(90);
        while (await db.MonitoringRounds.AnyAsync(r => r.Period == Period.Quarter(year, 2, 4)))
        {
            year = 1900 + Random.Shared.Next(90);
        }

        var person = new Waymark.Core.Units.Person { OrganisationId = org, Name = "Recipe owner" };
        var round = new MonitoringRound
        {
            OrganisationId = org, Period = Period.Quarter(year, 2, 4), OpenedAt = DateTimeOffset.UtcNow, OpenedByName = "Recipe",
            ReturnsDeadline = new DateOnly(2100, 1, 20), SignOffDeadline = new DateOnly(2100, 1, 27),
        };
        var @return = new RoundReturn { OrganisationId = org, Round = round, Person = person, State = ReturnState.NotStarted };
        db.RoundReturns.Add(@return);
        await db.SaveChangesAsync();
        return (round.Id, @return.Id);
    }

    private static async Task<AsyncServiceScope> ScopeAsync(WriteContext w)
    {
        var scope = w.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().Set(null, WaymarkFactory.SetupActor, "tests");
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(await db.Organisations.SingleAsync(o => o.Slug == w.Org.TrimStart('/')));
        return scope;
    }
}
