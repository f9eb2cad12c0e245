using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Waymark.Core.Editing;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Plans;

/// <summary>Rolling a plan forward into next year's, on the provider under test.</summary>
public class PlanRollForwardTests
{
    /// <summary>
    /// A published 2011/12 plan with two sections, an objective with an indicator measure and a milestone-free measure,
    /// a recommendation, and actions: "1" open (with a lead, a link, two updates, a revision, and two steps: "1.1"
    /// completed, "1.2" open), "2" completed, "3" cancelled with an open step "3.1".
    /// </summary>
    private static async Task<int> RichPlanAsync(PlanFixture f)
    {
        await using var db = f.Context();
        var org = f.Org.Id;
        var indicator = new Waymark.Core.Indicators.Indicator { OrganisationId = org, Title = "% of calls answered" };
        var plan = new Plan
        {
            OrganisationId = org, PlanTypeId = f.PlanTypeId, Title = "Policy and Performance Service Plan 2011/12 – 2013/14", UnitId = f.UnitId,
            StartYear = PlanFixture.Year2011, EndYear = PlanFixture.Year2011.Next().Next(), State = PlanState.Published, Source = "Service planning round",
        };
        plan.Sections.Add(new PlanSection { OrganisationId = org, Key = "about", Heading = "About the service", Body = "We do policy.", SortOrder = 0 });
        plan.Sections.Add(new PlanSection { OrganisationId = org, Key = "swot", Heading = "SWOT", Body = "Strengths…", SortOrder = 1 });
        var objective = new PlanObjective { OrganisationId = org, ObjectiveId = f.ObjectiveId, Role = PlanObjectiveRole.ServiceObjective, Lead = "Head of Policy", SortOrder = 0 };
        objective.Measures.Add(new PlanMeasure { OrganisationId = org, Indicator = indicator, Lead = "Performance Officer", SortOrder = 0 });
        plan.Objectives.Add(objective);
        plan.Objectives.Add(new PlanObjective { OrganisationId = org, ObjectiveId = f.OtherObjectiveId, Role = PlanObjectiveRole.ImprovementObjective, SortOrder = 1 });
        var recommendation = new Recommendation { OrganisationId = org, Number = "R1", Text = "Improve data quality" };
        plan.Recommendations.Add(recommendation);

        var open = Action(plan, "1", "Introduce a customer access strategy", ActionState.InProgress);
        open.Recommendation = recommendation;
        open.ObjectiveId = f.ObjectiveId;
        open.DueText = "Mar 12";
        open.DueMonth = Period.Month(2012, 3);
        open.RevisedDueMonth = Period.Month(2012, 9);
        open.Leads.Add(new ActionLead { OrganisationId = org, Name = "Customer Services Manager" });
        open.Links.Add(new ActionLink { OrganisationId = org, ObjectiveId = f.ObjectiveId, Text = "PI 12" });
        open.Updates.Add(new ActionUpdate { OrganisationId = org, Quarter = Period.Quarter(2011, 2, 4), Rag = Rag.Amber, Commentary = "Consultation delayed", ByName = "Sam Manager", At = new DateTimeOffset(2011, 10, 10, 9, 0, 0, TimeSpan.Zero) });
        open.Updates.Add(new ActionUpdate { OrganisationId = org, Quarter = Period.Quarter(2011, 3, 4), Rag = Rag.Green, Commentary = "Back on track", ByName = "Sam Manager", At = new DateTimeOffset(2012, 1, 10, 9, 0, 0, TimeSpan.Zero) });
        open.Revisions.Add(new ActionDueRevision { OrganisationId = org, FromMonth = Period.Month(2012, 3), ToMonth = Period.Month(2012, 9), Reason = "Consultation delayed", ByName = "Sam Manager", At = new DateTimeOffset(2011, 12, 1, 9, 0, 0, TimeSpan.Zero) });
        var doneStep = Action(plan, "1.1", "Draft the strategy", ActionState.Completed);
        doneStep.Parent = open;
        var openStep = Action(plan, "1.2", "Consult on the strategy", ActionState.NotStarted);
        openStep.Parent = open;
        var completed = Action(plan, "2", "Publish the annual report", ActionState.Completed);
        completed.Updates.Add(new ActionUpdate { OrganisationId = org, Quarter = Period.Quarter(2011, 1, 4), Rag = Rag.Green, ByName = "Sam Manager", At = new DateTimeOffset(2011, 7, 1, 9, 0, 0, TimeSpan.Zero) });
        var cancelled = Action(plan, "3", "Move to new offices", ActionState.Cancelled);
        var orphan = Action(plan, "3.1", "Agree the office layout", ActionState.Deferred);
        orphan.Parent = cancelled;
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;

        PlanAction Action(Plan p, string reference, string title, ActionState state)
        {
            var a = new PlanAction { OrganisationId = org, Reference = reference, Title = title, State = state, SortOrder = p.Actions.Count, InServicePlan = "Yes" };
            p.Actions.Add(a);
            return a;
        }
    }

    [Fact]
    public async Task RollingA2011Plan_Makes2012WithSectionsObjectivesAndOnlyTheOpenActionsAndTheirHistory()
    {
        await using var f = await PlanFixture.CreateAsync();
        var sourceId = await RichPlanAsync(f);
        await using (var db = f.Context())
        {
            var result = await new PlanRollForward(db).RollForwardAsync(f.Manager, sourceId);
            Assert.Equal(EditOutcome.Done, result.Outcome);
        }

        await using var check = f.Context();
        var source = await check.Plans.Include(p => p.Actions).SingleAsync(p => p.Id == sourceId);
        var plan = await check.Plans.AsSplitQuery()
            .Include(p => p.Sections).Include(p => p.Objectives).ThenInclude(o => o.Measures).Include(p => p.Recommendations)
            .Include(p => p.Actions).ThenInclude(a => a.Leads).Include(p => p.Actions).ThenInclude(a => a.Links)
            .Include(p => p.Actions).ThenInclude(a => a.Updates).Include(p => p.Actions).ThenInclude(a => a.Revisions)
            .SingleAsync(p => p.RolledFromId == sourceId);

        Assert.Equal("Policy and Performance Service Plan 2012/13 – 2014/15", plan.Title);
        Assert.Equal(Period.FinancialYear(2012, 4), plan.StartYear);
        Assert.Equal(Period.FinancialYear(2014, 4), plan.EndYear);
        Assert.Equal(PlanState.Draft, plan.State);
        Assert.Equal(f.UnitId, plan.UnitId);
        Assert.Equal(f.PlanTypeId, plan.PlanTypeId);
        Assert.Equal(PlanState.Published, source.State); // the source stays as it was
        Assert.Equal(6, source.Actions.Count);

        Assert.Equal(["About the service", "SWOT"], plan.Sections.OrderBy(s => s.SortOrder).Select(s => s.Heading).ToList());
        Assert.All(plan.Sections, s => Assert.True(s.IsCarried));
        Assert.Equal("We do policy.", plan.Sections.Single(s => s.Key == "about").Body);

        Assert.Equal([f.ObjectiveId, f.OtherObjectiveId], plan.Objectives.OrderBy(o => o.SortOrder).Select(o => o.ObjectiveId).ToList());
        Assert.All(plan.Objectives, o => Assert.True(o.IsCarried));
        var measure = Assert.Single(plan.Objectives.Single(o => o.ObjectiveId == f.ObjectiveId).Measures);
        Assert.True(measure.IsCarried);
        Assert.NotNull(measure.IndicatorId);
        Assert.Equal("Performance Officer", measure.Lead);

        var recommendation = Assert.Single(plan.Recommendations);
        Assert.Equal("R1", recommendation.Number);

        // Open actions: "1", its steps "1.1" (completed, but a step of a carried action) and "1.2", and "3.1" (open, its cancelled parent stays).
        Assert.Equal(["1", "1.1", "1.2", "3.1"], plan.Actions.Select(a => a.Reference).Order().ToList());
        Assert.All(plan.Actions, a => Assert.Equal(source.Actions.Single(s => s.Reference == a.Reference).Id, a.CarriedFromId));
        var action = plan.Actions.Single(a => a.Reference == "1");
        Assert.Equal(ActionState.InProgress, action.State);
        Assert.Equal(Period.Month(2012, 9), action.RevisedDueMonth);
        Assert.Equal("Mar 12", action.DueText);
        Assert.Equal(recommendation.Id, action.RecommendationId);
        Assert.Equal(f.ObjectiveId, action.ObjectiveId);
        Assert.Equal("Customer Services Manager", Assert.Single(action.Leads).Name);
        Assert.Equal("PI 12", Assert.Single(action.Links).Text);
        Assert.Equal(["Consultation delayed", "Back on track"], action.Updates.OrderBy(u => u.At).Select(u => u.Commentary).ToList());
        Assert.Equal(Period.Month(2012, 9), Assert.Single(action.Revisions).ToMonth);
        Assert.Equal(action.Id, plan.Actions.Single(a => a.Reference == "1.1").ParentId);
        Assert.Equal(action.Id, plan.Actions.Single(a => a.Reference == "1.2").ParentId);
        Assert.Null(plan.Actions.Single(a => a.Reference == "3.1").ParentId);

        // The originals keep their history too: it was copied, not moved.
        Assert.Equal(2, await check.ActionUpdates.CountAsync(u => u.ActionId == action.CarriedFromId));
        Assert.Contains(await check.AuditEntries.ToListAsync(), e => e.EntityType == nameof(Plan) && e.Action == "Created");
    }

    [Fact]
    public async Task ThePreview_CountsWhatWillBeCarried()
    {
        await using var f = await PlanFixture.CreateAsync();
        var sourceId = await RichPlanAsync(f);
        await using var db = f.Context();

        var preview = await new PlanRollForward(db).PreviewAsync(sourceId);

        Assert.NotNull(preview);
        Assert.Equal("Policy and Performance Service Plan 2012/13 – 2014/15", preview.Title);
        Assert.Equal((2, 2, 1, 3, 4, 2, 1, 1), (preview.Sections, preview.Objectives, preview.Measures, preview.OpenActions, preview.CarriedActions, preview.Updates, preview.Revisions, preview.Recommendations));
        Assert.Null(preview.Refusal);
    }

    [Fact]
    public async Task RollingForwardTwice_IsRefused_EvenAfterTheNewPlanHasMovedYear()
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync();
        await using (var db = f.Context())
        {
            var made = (await new PlanRollForward(db).RollForwardAsync(f.Officer, plan.Id)).Record!;
            // Moved to another year, so that no plan starts in 2012/13: only "rolled forward already" stops a second.
            made.StartYear = made.EndYear = PlanFixture.Year2011.Next().Next();
            await db.SaveChangesAsync();
        }

        await using var again = f.Context();
        var result = await new PlanRollForward(again).RollForwardAsync(f.Officer, plan.Id);

        Assert.Equal(EditOutcome.Refused, result.Outcome);
        Assert.StartsWith("This plan has already been rolled forward to “Policy and Performance Service Plan 2012/13”", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, await again.Plans.CountAsync());
        Assert.Equal(result.Reason, (await new PlanRollForward(again).PreviewAsync(plan.Id))!.Refusal);
    }

    [Fact]
    public async Task APlanAlreadyStartingNextYear_StopsTheRollForward()
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync();
        await f.NewPlanAsync(title: "Policy and Performance Service Plan 2012/13 (written afresh)", start: PlanFixture.Year2011.Next());
        await using var db = f.Context();

        var result = await new PlanRollForward(db).RollForwardAsync(f.Officer, plan.Id);

        Assert.Equal(EditOutcome.Refused, result.Outcome);
        Assert.StartsWith("A 2012/13 plan already exists: “Policy and Performance Service Plan 2012/13 (written afresh)”", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, await db.Plans.CountAsync());
    }

    [Fact]
    public async Task ARollForwardSavedAtTheSameMoment_IsRefusedWithTheOtherPlan_NotAnError()
    {
        await using var f = await PlanFixture.CreateAsync(ownDatabase: true); // reads the whole audit trail
        var plan = await f.NewPlanAsync();
        await using var db = f.Context(new RolledForwardMeanwhile(plan.Id));

        var result = await new PlanRollForward(db).RollForwardAsync(f.Officer, plan.Id);

        Assert.Equal(EditOutcome.Refused, result.Outcome);
        Assert.StartsWith($"This plan has already been rolled forward to “{RolledForwardMeanwhile.Title}”", result.Reason, StringComparison.Ordinal);
        await using var check = f.Context();
        Assert.Equal(plan.Id, Assert.Single(await check.Plans.ToListAsync()).Id); // nothing of either was kept
        Assert.Single(await check.AuditEntries.Where(e => e.EntityType == nameof(Plan) && e.Action == "Created").ToListAsync());
    }

    [Fact]
    public async Task TheDatabase_RefusesASecondPlanRolledFromTheSamePlan_ButKeepsManyNotRolledFromAny()
    {
        await using var f = await PlanFixture.CreateAsync();
        var source = await f.NewPlanAsync();
        await f.NewPlanAsync(title: "Another plan rolled from nothing");
        await using var db = f.Context();
        Plan Next(string title) => new()
        {
            OrganisationId = f.Org.Id, PlanTypeId = f.PlanTypeId, Title = title, UnitId = f.UnitId,
            StartYear = PlanFixture.Year2011.Next(), EndYear = PlanFixture.Year2011.Next(), RolledFromId = source.Id,
        };
        db.Plans.Add(Next("First"));
        await db.SaveChangesAsync();

        db.Plans.Add(Next("Second"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    /// <summary>
    /// Saves another roll forward of the plan just before the one under test saves its own: the race that the check
    /// before saving cannot see and the unique index settles. The other plan goes in through the same transaction
    /// (SQLite lets one writer at a time), as if it had been committed between the check and the save.
    /// </summary>
    private sealed class RolledForwardMeanwhile(int sourceId) : SaveChangesInterceptor
    {
        public const string Title = "Rolled forward by someone else";

        private bool _done;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var db = eventData.Context!;
            if (!_done && db.ChangeTracker.Entries<Plan>().Any(e => e.State == EntityState.Added && e.Entity.RolledFromId == sourceId))
            {
                _done = true;
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
                command.CommandText = $"""
                    INSERT INTO "Plans" ("OrganisationId", "PlanTypeId", "Title", "UnitId", "StartYear", "EndYear", "State", "Version", "RolledFromId")
                    SELECT "OrganisationId", "PlanTypeId", '{Title}', "UnitId", "StartYear", "EndYear", "State", "Version", "Id" FROM "Plans" WHERE "Id" = {sourceId}
                    """;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return await base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    [Fact]
    public async Task OnlyThoseWhoMayChangeThePlan_MayRollItForward_InAnyState()
    {
        await using var f = await PlanFixture.CreateAsync();
        var plan = await f.NewPlanAsync(PlanState.Submitted);
        await using var db = f.Context();

        foreach (var actor in new[] { f.OtherManager, f.Lead, f.Councillor })
        {
            Assert.Equal(EditOutcome.Forbidden, (await new PlanRollForward(db).RollForwardAsync(actor, plan.Id)).Outcome);
        }

        Assert.Equal(EditOutcome.NotFound, (await new PlanRollForward(db).RollForwardAsync(f.Officer, plan.Id + 1000)).Outcome);
        Assert.Equal(EditOutcome.Done, (await new PlanRollForward(db).RollForwardAsync(f.Manager, plan.Id)).Outcome);
    }

    [Theory]
    [InlineData("Service Plan 2011/12", "Service Plan 2012/13")]
    [InlineData("Service Plan 2011/12 to 2013/14", "Service Plan 2012/13 to 2014/15")]
    [InlineData("Service Plan 2011-14", "Service Plan 2012-15")]
    [InlineData("Improvement plan 2011/2012", "Improvement plan 2012/2013")]
    [InlineData("Service Plan 1999/00", "Service Plan 2000/01")]
    [InlineData("Corporate Governance Inspection response", "Corporate Governance Inspection response 2012/13 to 2014/15")]
    [InlineData("Plan for 2011/12 and 2012/13", "Plan for 2012/13 and 2013/14")]
    public void TheTitle_MovesOnAYear(string title, string expected)
    {
        var start = title.Contains("1999", StringComparison.Ordinal) ? Period.FinancialYear(1999, 4) : PlanFixture.Year2011;
        Assert.Equal(expected, PlanRollForward.NextTitle(title, start, start.Next().Next(), 4));
    }

    [Fact]
    public void WithAJanuaryYear_ThePlainYearsMoveOn() =>
        Assert.Equal("Business plan 2012 to 2014",
            PlanRollForward.NextTitle("Business plan 2011 to 2013", Period.FinancialYear(2011, 1), Period.FinancialYear(2013, 1), 1));
}
