using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Tests.Security;

/// <summary>The audit recipes of the action pages (<see cref="WriteAuditTests"/>): each posts the form as the page shows it.</summary>
internal static class ActionAuditRecipes
{
    public static Task<HttpResponseMessage> NewAsync(WriteContext w) =>
        SubmitAsync(w, (plan, _) => $"{plan}/actions/new", f =>
        {
            f["Title"] = "An action made by the audit recipe";
            f["LeadNames"] = "Recipe lead";
        });

    public static Task<HttpResponseMessage> EditAsync(WriteContext w) =>
        SubmitAsync(w, (plan, action) => $"{plan}/actions/{action}/edit", f => f["Title"] = "Changed by the audit recipe");

    public static Task<HttpResponseMessage> DeleteAsync(WriteContext w) =>
        SubmitAsync(w, (plan, action) => $"{plan}/actions/{action}/delete", null);

    public static Task<HttpResponseMessage> ProgressAsync(WriteContext w) =>
        SubmitAsync(w, (plan, action) => $"{plan}/actions/{action}/progress", f =>
        {
            f["Rag"] = "Amber";
            f["Commentary"] = "Recorded by the audit recipe";
        });

    public static Task<HttpResponseMessage> DueAsync(WriteContext w) =>
        SubmitAsync(w, (plan, action) => $"{plan}/actions/{action}/due", f =>
        {
            f["Month"] = "December " + (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
            f["Reason"] = "Revised by the audit recipe";
        });

    /// <summary>Completed today: the form shows today's date.</summary>
    public static Task<HttpResponseMessage> StateAsync(WriteContext w) =>
        SubmitAsync(w, (plan, action) => $"{plan}/actions/{action}/state", f => f["State"] = nameof(ActionState.Completed));

    /// <summary>A lead officer records the quarter for the action their post leads, on the bulk page.</summary>
    public static async Task<HttpResponseMessage> BulkProgressAsync(WriteContext w)
    {
        var (userName, postId, _) = await Waymark.Web.Tests.Indicators.IndicatorTestData.NewOwnerAsync(w.Factory);
        var (_, action) = await PlanWithActionAsync(w, leadPostId: postId);
        var client = await w.Factory.SignedInClientAsync(userName);
        return await WriteContext.SubmitAsync(client, $"{w.Org}/my-actions/progress", actionContains: "/my-actions/progress", change: f =>
        {
            f[$"rag-{action}"] = "Amber";
            f[$"commentary-{action}"] = "Recorded on the bulk page by the audit recipe";
        });
    }

    public static HttpStatusCode[] Saved => [HttpStatusCode.Redirect];

    /// <summary>A fresh plan and action, and the form at /plans/{path} posted (as an administrator) with the change.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(WriteContext w, Func<int, int, string> path, Action<Dictionary<string, string>>? change)
    {
        var (plan, action) = await PlanWithActionAsync(w);
        return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{path(plan, action)}", change: change);
    }

    /// <summary>
    /// A draft plan with one action (led by a name as written, due last month), made as the tests' own set-up; with an
    /// Amber update for the current quarter when asked.
    /// </summary>
    internal static async Task<(int Plan, int Action)> PlanWithActionAsync(WriteContext w, bool withUpdate = false, int? leadPostId = null)
    {
        await using var scope = w.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        db.Audit.Set(null, Support.WaymarkFactory.SetupActor, "tests");
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == w.Org.TrimStart('/'));
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
        var type = await db.PlanTypes.OrderBy(t => t.SortOrder).FirstOrDefaultAsync()
            ?? new PlanType { OrganisationId = organisation.Id, Key = "recipe-plan", Name = "Recipe plan" };
        var today = organisation.Today(TimeProvider.System); // The demo councils run as at a date of their own.
        var year = Period.FinancialYearContaining(today, organisation.YearStartMonth);
        var plan = new Plan { OrganisationId = organisation.Id, PlanType = type, Title = "Recipe plan", StartYear = year, EndYear = year };
        var lastMonth = today.AddMonths(-1);
        var action = new PlanAction
        {
            OrganisationId = organisation.Id, Plan = plan, Title = "Recipe action", State = ActionState.InProgress,
            DueText = lastMonth.ToString("MMM yy", CultureInfo.InvariantCulture), DueMonth = Period.Month(lastMonth.Year, lastMonth.Month),
        };
        action.Leads.Add(leadPostId is { } post ? new ActionLead { OrganisationId = organisation.Id, PostId = post } : new ActionLead { OrganisationId = organisation.Id, Name = "Recipe lead" });
        if (withUpdate)
        {
            action.Updates.Add(new ActionUpdate
            {
                OrganisationId = organisation.Id, Quarter = Period.QuarterContaining(today, organisation.YearStartMonth),
                Rag = Rag.Amber, Commentary = "Recorded by the set-up", ByName = "Recipe lead", At = DateTimeOffset.UtcNow,
            });
        }

        db.AddRange(plan, action);
        await db.SaveChangesAsync();
        return (plan.Id, action.Id);
    }
}
