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
    public static async Task<HttpResponseMessage> NewAsync(WriteContext w)
    {
        var (plan, _) = await PlanWithActionAsync(w);
        return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan}/actions/new", change: f =>
        {
            f["Title"] = "An action made by the audit recipe";
            f["LeadNames"] = "Recipe lead";
        });
    }

    public static async Task<HttpResponseMessage> EditAsync(WriteContext w)
    {
        var (plan, action) = await PlanWithActionAsync(w);
        return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan}/actions/{action}/edit", change: f => f["Title"] = "Changed by the audit recipe");
    }

    public static async Task<HttpResponseMessage> DeleteAsync(WriteContext w)
    {
        var (plan, action) = await PlanWithActionAsync(w);
        return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan}/actions/{action}/delete");
    }

    public static async Task<HttpResponseMessage> ProgressAsync(WriteContext w)
    {
        var (plan, action) = await PlanWithActionAsync(w);
        return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan}/actions/{action}/progress", change: f =>
        {
            f["Rag"] = "Amber";
            f["Commentary"] = "Recorded by the audit recipe";
        });
    }

    public static async Task<HttpResponseMessage> DueAsync(WriteContext w)
    {
        var (plan, action) = await PlanWithActionAsync(w);
        return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan}/actions/{action}/due", change: f =>
        {
            f["Month"] = "December " + (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
            f["Reason"] = "Revised by the audit recipe";
        });
    }

    public static HttpStatusCode[] Saved => [HttpStatusCode.Redirect];

    /// <summary>A draft plan with one action (led by a name as written, due last month), made as the tests' own set-up.</summary>
    private static async Task<(int Plan, int Action)> PlanWithActionAsync(WriteContext w)
    {
        await using var scope = w.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        db.Audit.Set(null, Support.WaymarkFactory.SetupActor, "tests");
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == w.Org.TrimStart('/'));
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
        var type = await db.PlanTypes.OrderBy(t => t.SortOrder).FirstOrDefaultAsync()
            ?? new PlanType { OrganisationId = organisation.Id, Key = "recipe-plan", Name = "Recipe plan" };
        var year = Period.FinancialYearContaining(DateOnly.FromDateTime(DateTime.UtcNow), organisation.YearStartMonth);
        var plan = new Plan { OrganisationId = organisation.Id, PlanType = type, Title = "Recipe plan", StartYear = year, EndYear = year };
        var lastMonth = DateTime.UtcNow.AddMonths(-1);
        var action = new PlanAction
        {
            OrganisationId = organisation.Id, Plan = plan, Title = "Recipe action", State = ActionState.InProgress,
            DueText = lastMonth.ToString("MMM yy", CultureInfo.InvariantCulture), DueMonth = Period.Month(lastMonth.Year, lastMonth.Month),
        };
        action.Leads.Add(new ActionLead { OrganisationId = organisation.Id, Name = "Recipe lead" });
        db.AddRange(plan, action);
        await db.SaveChangesAsync();
        return (plan.Id, action.Id);
    }
}
