using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Plans;

/// <summary>Plans saved through the editor and read through the queries: defaults, template sections, versions, drafts only, targets per year.</summary>
public class PlanEditingTests
{
    private static readonly DateTimeOffset Now = new(2012, 5, 10, 9, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static Actor Officer(int organisationId) =>
        new(1, "Performance Officer", organisationId, Role.PerformanceOfficer, WholeOrganisation: true, new HashSet<int>(), null, new HashSet<int>());

    private static Actor Manager(int organisationId, int unitId) =>
        new(2, "Service Manager", organisationId, Role.ServiceManager, WholeOrganisation: false, new HashSet<int> { unitId }, null, new HashSet<int>());

    private sealed class Fixture : IAsyncDisposable
    {
        public required TestDatabase Database { get; init; }
        public required Organisation Org { get; init; }
        public required int UnitId { get; init; }
        public required int OtherUnitId { get; init; }

        public WaymarkDbContext Context()
        {
            var scope = new OrganisationScope();
            scope.Enter(Org);
            return Database.CreateContext(scope, clock: new FixedClock(Now));
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static async Task<Fixture> SetUpAsync()
    {
        var database = await TestDatabase.SharedAsync();
        Organisation org;
        await using (var db = database.CreateContext())
        {
            org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = TestDatabase.UniqueSlug("test") };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
        }

        var scope = new OrganisationScope();
        scope.Enter(org);
        await using var scoped = database.CreateContext(scope);
        var unit = new Unit { OrganisationId = org.Id, Name = "Policy and Performance" };
        var other = new Unit { OrganisationId = org.Id, Name = "Planning" };
        scoped.Units.AddRange(unit, other);
        await scoped.SaveChangesAsync();
        return new Fixture { Database = database, Org = org, UnitId = unit.Id, OtherUnitId = other.Id };
    }

    private static PlanInput ServicePlan(int unitId) => new() { Type = PlanDefaults.ServicePlan, Title = "Policy and Performance service plan", UnitId = unitId, StartYear = "2011/12" };

    private static async Task<Plan> CreateAsync(Fixture f)
    {
        await using var db = f.Context();
        var result = await new PlanEditor(db).CreateAsync(Officer(f.Org.Id), ServicePlan(f.UnitId));
        Assert.Equal(EditOutcome.Done, result.Outcome);
        return result.Record!;
    }

    [Fact]
    public async Task Progress_IsChosenWithThePlan_AndCannotChangeOnceProgressIsRecorded()
    {
        await using var f = await SetUpAsync();
        await using var db = f.Context();
        var editor = new PlanEditor(db);

        var wrong = await editor.CreateAsync(Officer(f.Org.Id), ServicePlan(f.UnitId) with { Progress = "percent" });
        var created = await editor.CreateAsync(Officer(f.Org.Id), ServicePlan(f.UnitId) with { Progress = "status" });

        Assert.Equal("Choose how progress is recorded: red, amber or green, or a status", wrong.Errors[PlanFields.Progress]);
        var plan = created.Record!;
        Assert.Equal(PlanProgress.Status, plan.Progress);
        var kept = await editor.UpdateAsync(Officer(f.Org.Id), plan.Id, plan.Version, ServicePlan(f.UnitId));
        Assert.Equal(PlanProgress.Status, kept.Record!.Progress); // Not sent: unchanged.
        var changed = await editor.UpdateAsync(Officer(f.Org.Id), plan.Id, kept.Record.Version, ServicePlan(f.UnitId) with { Progress = "rag" });
        Assert.Equal(PlanProgress.Rag, changed.Record!.Progress);

        var action = new PlanAction { OrganisationId = f.Org.Id, PlanId = plan.Id, Title = "Review the Sustainable Community Strategy" };
        db.PlanActions.Add(action);
        await db.SaveChangesAsync();
        db.ActionUpdates.Add(new ActionUpdate { OrganisationId = f.Org.Id, ActionId = action.Id, Quarter = Period.Quarter(2011, 1, 4), Rag = Rag.Green, ByName = "Lead Officer", At = Now });
        await db.SaveChangesAsync();
        var refused = await editor.UpdateAsync(Officer(f.Org.Id), plan.Id, changed.Record.Version, ServicePlan(f.UnitId) with { Progress = "status" });

        Assert.Equal(EditOutcome.Invalid, refused.Outcome);
        Assert.Equal("This plan's actions already have progress recorded as red, amber or green: it cannot change to status", refused.Errors[PlanFields.Progress]);
    }

    [Fact]
    public async Task Defaults_AreCreatedOnce()
    {
        await using var f = await SetUpAsync();
        await using (var db = f.Context())
        {
            await PlanDefaults.EnsureAsync(db);
            await PlanDefaults.EnsureAsync(db);
        }

        await using var check = f.Context();
        Assert.Equal(["service-plan", "improvement-plan", "council-actions-plan", "inspection-response-plan"],
            await check.PlanTypes.OrderBy(t => t.SortOrder).Select(t => t.Key).ToListAsync());
        Assert.Equal(PlanDefaults.Sections.Count, await check.SectionTemplates.CountAsync());
        Assert.All(await check.SectionTemplates.ToListAsync(), t => Assert.False(string.IsNullOrWhiteSpace(t.Guidance)));
    }

    [Fact]
    public async Task Create_GivesTheTemplateSectionsInOrder_AndAServicePlanThreeYears()
    {
        await using var f = await SetUpAsync();
        var plan = await CreateAsync(f);

        await using var db = f.Context();
        var sections = await db.PlanSections.Where(s => s.PlanId == plan.Id).OrderBy(s => s.SortOrder).ToListAsync();
        Assert.Equal(PlanDefaults.Sections.Select(s => s.Heading), sections.Select(s => s.Heading));
        Assert.All(sections, s => Assert.Null(s.Body));
        var saved = await db.Plans.SingleAsync(p => p.Id == plan.Id);
        Assert.Equal(PlanState.Draft, saved.State);
        Assert.Equal(Period.FinancialYear(2011, 4), saved.StartYear);
        Assert.Equal(Period.FinancialYear(2013, 4), saved.EndYear);
    }

    [Fact]
    public async Task Create_WithBadFields_NamesEachField()
    {
        await using var f = await SetUpAsync();
        await using var db = f.Context();

        var result = await new PlanEditor(db).CreateAsync(Officer(f.Org.Id), new PlanInput { Type = "wish-list", Title = " ", StartYear = "soon", UnitId = 999_999 });

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(["startYear", "title", "type", "unitId"], result.Errors.Keys.Order().ToList());
    }

    [Fact]
    public async Task ServiceManager_CannotStartOrChangeAnotherUnitsPlan()
    {
        await using var f = await SetUpAsync();
        var plan = await CreateAsync(f);
        await using var db = f.Context();
        var editor = new PlanEditor(db);

        var create = await editor.CreateAsync(Manager(f.Org.Id, f.OtherUnitId), ServicePlan(f.UnitId));
        var update = await new PlanSectionEditor(db).UpdateSectionAsync(Manager(f.Org.Id, f.OtherUnitId), plan.Id,
            (await db.PlanSections.FirstAsync(s => s.PlanId == plan.Id)).Id, Guid.NewGuid(), new SectionInput("Heading", "Text"));

        Assert.Equal(EditOutcome.Invalid, create.Outcome);
        Assert.Contains("unitId", create.Errors.Keys);
        Assert.Equal(EditOutcome.Forbidden, update.Outcome);
    }

    [Fact]
    public async Task SectionEdit_WithAStaleVersion_IsAConflict_WithWhatIsSaved()
    {
        await using var f = await SetUpAsync();
        var plan = await CreateAsync(f);
        PlanSection section;
        await using (var db = f.Context())
        {
            section = await db.PlanSections.AsNoTracking().FirstAsync(s => s.PlanId == plan.Id);
            var first = await new PlanSectionEditor(db).UpdateSectionAsync(Officer(f.Org.Id), plan.Id, section.Id, section.Version, new SectionInput(section.Heading, "First writer."));
            Assert.Equal(EditOutcome.Done, first.Outcome);
        }

        await using var again = f.Context();
        var second = await new PlanSectionEditor(again).UpdateSectionAsync(Officer(f.Org.Id), plan.Id, section.Id, section.Version, new SectionInput(section.Heading, "Second writer."));

        Assert.Equal(EditOutcome.Conflict, second.Outcome);
        Assert.Equal("First writer.", second.Record!.Body);
    }

    [Fact]
    public async Task ContentChange_IsRefused_WhenThePlanIsNotADraft()
    {
        await using var f = await SetUpAsync();
        var plan = await CreateAsync(f);
        await using (var db = f.Context())
        {
            var saved = await db.Plans.SingleAsync(p => p.Id == plan.Id);
            saved.State = PlanState.Submitted;
            await db.SaveChangesAsync();
        }

        await using var check = f.Context();
        var editor = new PlanEditor(check);
        var section = await check.PlanSections.AsNoTracking().FirstAsync(s => s.PlanId == plan.Id);
        var results = new[]
        {
            (await new PlanSectionEditor(check).UpdateSectionAsync(Officer(f.Org.Id), plan.Id, section.Id, section.Version, new SectionInput("Changed", "Changed"))).Outcome,
            (await new RecommendationEditor(check).AddRecommendationAsync(Officer(f.Org.Id), plan.Id, new RecommendationInput("R1", "Text"))).Outcome,
            (await editor.DeleteAsync(Officer(f.Org.Id), plan.Id, null)).Outcome,
        };
        var reason = (await new PlanSectionEditor(check).AddSectionAsync(Officer(f.Org.Id), plan.Id, new SectionInput("New", null))).Reason;

        Assert.All(results, r => Assert.Equal(EditOutcome.Refused, r));
        Assert.StartsWith("Return the plan to draft to change it", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_ShowsEachYearsTarget_NumbersFormatted_TextAsWritten()
    {
        await using var f = await SetUpAsync();
        var plan = await CreateAsync(f);
        await using (var db = f.Context())
        {
            var level = new FrameworkLevel { OrganisationId = f.Org.Id, Key = "supporting", Name = "Supporting objective", PluralName = "Supporting objectives" };
            var objective = new Objective { OrganisationId = f.Org.Id, Level = level, Reference = "PP1", Title = "Better performance information" };
            var indicator = new Indicator { OrganisationId = f.Org.Id, Code = "NI 4", Title = "Influence decisions", Unit = IndicatorUnit.Percentage, DecimalPlaces = 1 };
            db.AddRange(level, objective, indicator);
            await db.SaveChangesAsync();
            db.IndicatorTargets.AddRange(
                new IndicatorTarget { OrganisationId = f.Org.Id, IndicatorId = indicator.Id, Period = Period.FinancialYear(2011, 4), Value = 34.25m },
                new IndicatorTarget { OrganisationId = f.Org.Id, IndicatorId = indicator.Id, Period = Period.FinancialYear(2012, 4), Text = "Set baseline" });
            await db.SaveChangesAsync();
            var editor = new PlanObjectiveEditor(db);
            var added = await editor.AddObjectiveAsync(Officer(f.Org.Id), plan.Id, new PlanObjectiveInput(objective.Id, "supporting-objective", "Paul Swift / E&DO", "Existing"));
            Assert.Equal(EditOutcome.Done, added.Outcome);
            Assert.Equal(EditOutcome.Done, (await editor.AddMeasureAsync(Officer(f.Org.Id), plan.Id, new PlanMeasureInput(added.Record!.Id, indicator.Id, null, "PPM", null))).Outcome);
            Assert.Equal(EditOutcome.Done, (await editor.AddMeasureAsync(Officer(f.Org.Id), plan.Id,
                new PlanMeasureInput(added.Record!.Id, null, null, null, null) { MilestoneTitle = "Publish the Corporate Plan", MilestoneTargets = ["May 11", "", "May 13"] })).Outcome);
        }

        await using var read = f.Context();
        var detail = (await new PlanQueries(read, new FixedClock(Now)).DetailAsync(plan.Id))!;

        var o = Assert.Single(detail.Objectives);
        Assert.Equal("PP1", o.Reference);
        Assert.Equal(["34.3%", "Set baseline", null], o.Measures[0].Targets);
        Assert.Equal(["May 11", null, "May 13"], o.Measures[1].Targets);
        Assert.Equal(3, detail.Years.Count);
    }
}
