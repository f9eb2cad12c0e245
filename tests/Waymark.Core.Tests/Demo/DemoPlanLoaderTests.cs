using Microsoft.EntityFrameworkCore;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Demo;

/// <summary>The demo councils' plans, loaded from Demo/Plans: the facts the seeds state, and the demonstration updates.</summary>
public class DemoPlanLoaderTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public async Task SouthCambridgeshire_HasItsFourPlans_WithTypesStatesAndYears()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var plans = await db.Plans.Include(p => p.PlanType).OrderBy(p => p.Id).ToListAsync();

        Assert.Equal(4, plans.Count);
        var service = plans.Single(p => p.Title.Contains("2009/10 to 2011/12", StringComparison.Ordinal));
        Assert.Equal(("service-plan", PlanState.Published), (service.PlanType!.Key, service.State));
        Assert.Equal((Period.FinancialYear(2009, 4), Period.FinancialYear(2011, 4)), (service.StartYear, service.EndYear));
        Assert.Contains(plans, p => p.PlanType!.Key == "inspection-response-plan" && p.Source!.Contains("January 2009", StringComparison.Ordinal));
        Assert.True(await db.SectionTemplates.CountAsync() >= 12);
        Assert.Equal(4, await db.PlanTypes.CountAsync());
    }

    [Fact]
    public async Task CctvCouncilAction_HasItsThreeStepsWithMonths_AndTenThousandPounds()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var cctv = await db.PlanActions.Include(a => a.Children)
            .SingleAsync(a => a.Title.StartsWith("Carry out a review by 2010 of the provision and effectiveness of existing CCTV"));

        Assert.Equal(10_000m, cctv.ResourcesAmount);
        Assert.Equal(3, cctv.Children.Count);
        Assert.All(cctv.Children, s => Assert.Equal(ActionKind.CouncilActionStep, s.Kind));
        Assert.All(cctv.Children, s => Assert.NotNull(s.DueMonth));
    }

    [Fact]
    public async Task Ni4_IsAMeasureOfItsSupportingObjective_InThe2009ServicePlan()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var measure = await db.PlanMeasures.Include(m => m.PlanObjective!).ThenInclude(o => o.Objective).Include(m => m.PlanObjective!.Plan)
            .SingleAsync(m => m.Indicator!.Code == "NI 4" && m.PlanObjective!.Plan!.StartYear == Period.FinancialYear(2009, 4));

        Assert.Equal(PlanObjectiveRole.SupportingObjective, measure.PlanObjective!.Role);
        Assert.Equal("Co-ordinate the delivery of the district council's Community Engagement Strategy", measure.PlanObjective.Objective!.Title);
    }

    [Fact]
    public async Task Plan2011_ActionsHaveDemonstrationUpdatesForQ1ToQ3_AndSomeAreOverdue()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;
        var plan = await db.Plans.SingleAsync(p => p.StartYear == Period.FinancialYear(2011, 4) && p.PlanType!.Key == "service-plan");

        var actions = await db.PlanActions.Include(a => a.Updates).Where(a => a.PlanId == plan.Id && a.ParentId == null && a.Kind == ActionKind.ImprovementAction).ToListAsync();

        Assert.NotEmpty(actions);
        var quarters = Period.QuartersOf(Period.FinancialYear(2011, 4), 4).Take(3).ToList();
        Assert.All(actions.Where(a => a.Updates.Count > 0), a =>
        {
            Assert.Equal(quarters, a.Updates.Select(u => u.Quarter).Order());
            Assert.All(a.Updates, u => Assert.True(u.IsDemonstration));
        });
        Assert.Contains(actions, a => ActionRules.IsOverdue(a, quarters[2].End.AddDays(1)));
        Assert.Equal(3, actions.SelectMany(a => a.Updates).Select(u => u.Rag).Distinct().Count());
    }

    [Fact]
    public async Task Stockton_HasItsServiceImprovementPlan_WithKeyActionsUnderPpcPriorities()
    {
        var (db, _) = await fixture.EnterAsync("stockton-on-tees");
        await using var _db = db;

        var plan = await db.Plans.Include(p => p.Actions).ThenInclude(a => a.Objective).SingleAsync();

        Assert.Equal((Period.FinancialYear(2008, 4), Period.FinancialYear(2010, 4)), (plan.StartYear, plan.EndYear));
        Assert.True(plan.Actions.Count(a => a.Kind == ActionKind.KeyAction) > 20);
        Assert.Contains(plan.Actions, a => a.Objective?.Reference?.StartsWith("PPC ", StringComparison.Ordinal) == true);
    }
}
