using Microsoft.EntityFrameworkCore;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Plans;

/// <summary>
/// An indicator that plans use (a measure of a plan objective, an action's link) is not deleted from under them: the
/// indicator editor refuses and says how many and which plans, on the provider under test.
/// </summary>
public class IndicatorUsedByPlansTests
{
    private static IndicatorEditor Editor(Waymark.Core.Data.WaymarkDbContext db) => new(db, TimeProvider.System);

    /// <summary>A plan with an objective and an action; the indicator measures the objective and/or is the action's link, as asked.</summary>
    private static async Task<(int Objective, int Action)> PlanUsingAsync(PlanFixture f, string title, int indicatorId, int measures, bool link)
    {
        await using var db = f.Context();
        var org = f.Org.Id;
        var plan = new Plan { OrganisationId = org, PlanTypeId = f.PlanTypeId, Title = title, UnitId = f.UnitId, StartYear = PlanFixture.Year2011, EndYear = PlanFixture.Year2011 };
        var objective = new PlanObjective { OrganisationId = org, ObjectiveId = f.ObjectiveId, Role = PlanObjectiveRole.ServiceObjective };
        for (var i = 0; i < measures; i++)
        {
            objective.Measures.Add(new PlanMeasure { OrganisationId = org, IndicatorId = indicatorId, SortOrder = i });
        }

        plan.Objectives.Add(objective);
        var action = new PlanAction { OrganisationId = org, Title = "Publish the figures quarterly" };
        if (link)
        {
            action.Links.Add(new ActionLink { OrganisationId = org, IndicatorId = indicatorId });
        }

        plan.Actions.Add(action);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (objective.Id, action.Id);
    }

    private static async Task<Indicator> IndicatorAsync(PlanFixture f)
    {
        await using var db = f.Context();
        var indicator = new Indicator { OrganisationId = f.Org.Id, Title = "% of calls answered" };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        return indicator;
    }

    [Fact]
    public async Task Delete_WhilePlansMeasureAndLinkToIt_IsRefusedSayingHowManyAndWhichPlans_AndKeepsThemAll()
    {
        await using var f = await PlanFixture.CreateAsync(ownDatabase: true); // reads the whole audit trail
        var indicator = await IndicatorAsync(f);
        await PlanUsingAsync(f, "Policy and Performance Service Plan 2011/12", indicator.Id, measures: 1, link: true);
        await PlanUsingAsync(f, "Improvement plan 2011/12", indicator.Id, measures: 1, link: false);
        await using var db = f.Context();

        var result = await Editor(db).DeleteAsync(f.Officer, indicator.Id, indicator.Version);

        Assert.Equal(EditOutcome.Refused, result.Outcome);
        Assert.Equal(
            "This indicator cannot be deleted while plans use it: 2 plan measures and 1 action link, in 2 plans: "
            + "“Improvement plan 2011/12”; “Policy and Performance Service Plan 2011/12”. Remove it from those plans first.",
            result.Reason);
        Assert.Equal(result.Reason, await Editor(db).WhyCannotDeleteAsync(indicator.Id));
        Assert.True(await db.Indicators.AnyAsync(i => i.Id == indicator.Id));
        Assert.Equal(2, await db.PlanMeasures.CountAsync(m => m.IndicatorId == indicator.Id));
        Assert.Equal(1, await db.ActionLinks.CountAsync(l => l.IndicatorId == indicator.Id));
        Assert.DoesNotContain(await db.AuditEntries.ToListAsync(), e => e.Action == "Deleted");
    }

    [Fact]
    public async Task Delete_OnceThePlanNoLongerUsesIt_GoesThrough()
    {
        await using var f = await PlanFixture.CreateAsync();
        var indicator = await IndicatorAsync(f);
        var (objectiveId, _) = await PlanUsingAsync(f, "Policy and Performance Service Plan 2011/12", indicator.Id, measures: 1, link: false);
        await using var db = f.Context();
        Assert.Equal(
            "This indicator cannot be deleted while plans use it: 1 plan measure, in “Policy and Performance Service Plan 2011/12”. Remove it from those plans first.",
            (await Editor(db).DeleteAsync(f.Officer, indicator.Id, indicator.Version)).Reason);

        db.PlanMeasures.RemoveRange(await db.PlanMeasures.Where(m => m.PlanObjectiveId == objectiveId).ToListAsync());
        await db.SaveChangesAsync();
        var result = await Editor(db).DeleteAsync(f.Officer, indicator.Id, indicator.Version);

        Assert.Equal(EditOutcome.Done, result.Outcome);
        Assert.False(await db.Indicators.AnyAsync(i => i.Id == indicator.Id));
    }
}
