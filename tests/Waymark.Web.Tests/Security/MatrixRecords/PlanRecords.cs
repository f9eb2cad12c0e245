using Microsoft.EntityFrameworkCore;
using Waymark.Core.Framework;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>
/// A draft plan of unit A ("own") or B ("other") with a section, a recommendation, an objective measured by a milestone,
/// and an action whose lead is the asker's post ("own") or nobody ("other"), due last month; of the organisation's first
/// plan type. Its actions, sections and the rest are reached through the plan's routes.
/// </summary>
public sealed class PlanRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/plans/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var db = request.Db;
        var home = request.Home;
        var type = await db.PlanTypes.OrderBy(x => x.SortOrder).FirstOrDefaultAsync()
            ?? new PlanType { OrganisationId = home.Id, Key = "service-plan", Name = "Service plan" };
        var today = home.Today(TimeProvider.System); // The demo councils run as at a date of their own.
        var year = Period.FinancialYearContaining(today, home.YearStartMonth);
        var plan = new Plan
        {
            OrganisationId = home.Id, PlanType = type, Title = "Matrix plan", UnitId = request.UnitId, StartYear = year, EndYear = year.Next().Next(),
        };
        var section = new PlanSection { OrganisationId = home.Id, Plan = plan, Key = "matrix", Heading = "Matrix section", Body = "Text" };
        var recommendation = new Recommendation { OrganisationId = home.Id, Plan = plan, Number = "1", Text = "Matrix recommendation" };
        var level = await db.FrameworkLevels.OrderBy(l => l.SortOrder).FirstAsync();
        var planObjective = new PlanObjective
        {
            OrganisationId = home.Id, Plan = plan, Role = PlanObjectiveRole.SupportingObjective,
            Objective = new Objective { OrganisationId = home.Id, LevelId = level.Id, Title = "Matrix plan objective", UnitId = request.UnitId },
        };
        var measure = new PlanMeasure
        {
            OrganisationId = home.Id, PlanObjective = planObjective,
            Milestone = new Milestone { OrganisationId = home.Id, Title = "Matrix milestone", OwnerPostId = request.Own ? request.PostId : null },
        };
        var action = new PlanAction
        {
            OrganisationId = home.Id, Plan = plan, Title = "Matrix action", Reference = "1.1",
            DueMonth = Period.Month(today.AddMonths(-1).Year, today.AddMonths(-1).Month),
            State = ActionState.InProgress,
        };
        if (request.Own)
        {
            action.Leads.Add(new ActionLead { OrganisationId = home.Id, PostId = request.PostId });
        }

        db.AddRange(plan, section, recommendation, action, planObjective, measure);
        await db.SaveChangesAsync();
        return new()
        {
            ["id"] = plan.Id, ["sectionId"] = section.Id, ["actionId"] = action.Id, ["recommendationId"] = recommendation.Id,
            ["planObjectiveId"] = planObjective.Id, ["measureId"] = measure.Id, ["milestoneId"] = measure.Milestone.Id,
            ["quarter"] = Period.QuarterContaining(today, home.YearStartMonth).Code, ["period"] = Period.QuarterContaining(today, home.YearStartMonth).Code,
        };
    }
}
