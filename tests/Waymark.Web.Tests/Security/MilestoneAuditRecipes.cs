using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Tests.Security;

/// <summary>The audit recipes of milestone progress (<see cref="WriteAuditTests"/>): the page's form and the API, as an administrator.</summary>
internal static class MilestoneAuditRecipes
{
    public static IReadOnlyDictionary<string, (Func<WriteContext, Task<HttpResponseMessage>> Send, HttpStatusCode[] Saved)> All { get; } =
        new Dictionary<string, (Func<WriteContext, Task<HttpResponseMessage>>, HttpStatusCode[])>
        {
            ["POST /{org}/plans/{id}/milestones/{milestoneId}/progress"] = (ProgressAsync, [HttpStatusCode.Redirect]),
            ["PUT /api/v1/organisations/{org}/plans/{id}/milestones/{milestoneId}/progress/{period}"] = (ApiProgressAsync, [HttpStatusCode.Created]),
        };

    private static async Task<HttpResponseMessage> ProgressAsync(WriteContext w)
    {
        var (plan, milestone) = await PlanWithMilestoneAsync(w);
        return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/plans/{plan}/milestones/{milestone}/progress", change: f =>
        {
            f["State"] = "at-risk";
            f["Commentary"] = "Recorded by the audit recipe";
        });
    }

    private static async Task<HttpResponseMessage> ApiProgressAsync(WriteContext w)
    {
        var (plan, milestone) = await PlanWithMilestoneAsync(w);
        var quarter = Period.QuarterContaining(Support.TestData.DemoToday, 4).Code;
        return await w.Api.PutAsJsonAsync($"/api/v1/organisations{w.Org}/plans/{plan}/milestones/{milestone}/progress/{quarter}",
            new { state = "at-risk", commentary = "Recorded by the API recipe" });
    }

    /// <summary>A draft plan for this year measuring one milestone, made as the tests' own set-up.</summary>
    internal static async Task<(int Plan, int Milestone)> PlanWithMilestoneAsync(WriteContext w)
    {
        await using var scope = w.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        db.Audit.Set(null, Support.WaymarkFactory.SetupActor, "tests");
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == w.Org.TrimStart('/'));
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
        var (plan, _) = await ActionAuditRecipes.PlanWithActionAsync(w);
        var level = await db.FrameworkLevels.OrderBy(l => l.SortOrder).FirstAsync();
        var planObjective = new PlanObjective
        {
            OrganisationId = organisation.Id, PlanId = plan, Role = PlanObjectiveRole.SupportingObjective,
            Objective = new Objective { OrganisationId = organisation.Id, LevelId = level.Id, Title = "Recipe objective" },
        };
        var milestone = new Milestone { OrganisationId = organisation.Id, Title = "Recipe milestone" };
        planObjective.Measures.Add(new PlanMeasure { OrganisationId = organisation.Id, Milestone = milestone });
        db.Add(planObjective);
        await db.SaveChangesAsync();
        return (plan, milestone.Id);
    }
}
