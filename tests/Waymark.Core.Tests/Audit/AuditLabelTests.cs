using Microsoft.EntityFrameworkCore;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Audit;

/// <summary>Every record the trail records says what it is, in words a reader recognises.</summary>
public class AuditLabelTests
{
    [Fact]
    public async Task EveryEntityTypeTheTrailRecords_GivesItsOwnLabel()
    {
        await using var database = await TestDatabase.MigratedAsync();
        await using var db = database.CreateContext();

        var audited = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(WaymarkDbContext.IsAudited).ToList();
        var unlabelled = audited.Where(t => !typeof(IAuditLabelled).IsAssignableFrom(t)).Select(t => t.Name);

        Assert.Contains(typeof(IndicatorValue), audited);
        Assert.DoesNotContain(typeof(AuditEntry), audited);
        Assert.Empty(unlabelled);
    }

    [Fact]
    public async Task IndicatorsValuesPlansAndActions_AreRecordedWithReadableSummaries()
    {
        await using var database = await TestDatabase.MigratedAsync();
        Organisation organisation;
        await using (var setUp = database.CreateContext())
        {
            organisation = new Organisation { Name = "Test Council", ShortName = "Test", Slug = "test" };
            setUp.Organisations.Add(organisation);
            await setUp.SaveChangesAsync();
        }

        var scope = new OrganisationScope();
        scope.Enter(organisation);
        int indicatorId, planTypeId, planId;
        await using (var db = database.CreateContext(scope))
        {
            var indicator = new Indicator { OrganisationId = organisation.Id, Code = "NI 4", Title = "People who feel they can influence decisions" };
            var planType = new PlanType { OrganisationId = organisation.Id, Key = "service", Name = "Service plan" };
            db.AddRange(indicator, planType);
            await db.SaveChangesAsync();
            (indicatorId, planTypeId) = (indicator.Id, planType.Id);
        }

        // Made by their parents' ids in a new context, as the editors do: the trail reads the indicator's code itself.
        await using (var db = database.CreateContext(scope))
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                OrganisationId = organisation.Id, IndicatorId = indicatorId, Period = new Period(PeriodKind.Quarter, 2012, 1), Value = 29m, EnteredByName = "Tester",
            });
            var plan = new Plan
            {
                OrganisationId = organisation.Id, PlanTypeId = planTypeId, Title = "Housing service plan",
                StartYear = new Period(PeriodKind.Year, 2011, 4), EndYear = new Period(PeriodKind.Year, 2013, 4),
            };
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            planId = plan.Id;
        }

        await using (var db = database.CreateContext(scope))
        {
            db.PlanActions.Add(new PlanAction { OrganisationId = organisation.Id, PlanId = planId, Reference = "A1", Title = "Set up user groups" });
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var summaries = await read.AuditEntries.AsNoTracking().Where(e => e.Action == "Created")
            .ToDictionaryAsync(e => e.EntityType!, e => e.Summary);
        Assert.Equal("NI 4 People who feel they can influence decisions", summaries[nameof(Indicator)]);
        Assert.Equal("NI 4, Q4 2011/12", summaries[nameof(IndicatorValue)]);
        Assert.Equal("Housing service plan, 2011/12 to 2013/14", summaries[nameof(Plan)]);
        Assert.Equal("A1 Set up user groups", summaries[nameof(PlanAction)]);
    }
}
