using Microsoft.EntityFrameworkCore;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Plans;

/// <summary>Changing an objective in a plan and a measure of it (lead, resources, a milestone's title and yearly targets) through the editor.</summary>
public class PlanPartEditingTests
{
    /// <summary>A draft plan with <see cref="PlanFixture.ObjectiveId"/> as a supporting objective, measured by a milestone with a 2011/12 target.</summary>
    private static async Task<(Plan Plan, PlanObjective Objective, PlanMeasure Measure)> PlanWithMilestoneAsync(PlanFixture f, PlanState state = PlanState.Draft)
    {
        var plan = await f.NewPlanAsync(state);
        await using var db = f.Context();
        var objective = new PlanObjective { OrganisationId = f.Org.Id, PlanId = plan.Id, ObjectiveId = f.ObjectiveId, Role = PlanObjectiveRole.SupportingObjective, Lead = "Paul Swift" };
        var measure = new PlanMeasure { OrganisationId = f.Org.Id, PlanObjective = objective, Lead = "PPM", Milestone = new Milestone { OrganisationId = f.Org.Id, Title = "Publish the Corporate Plan" } };
        measure.Milestone.Targets.Add(new MilestoneTarget { OrganisationId = f.Org.Id, Year = PlanFixture.Year2011, Text = "May 11" });
        db.AddRange(objective, measure);
        await db.SaveChangesAsync();
        return (plan, objective, measure);
    }

    [Fact]
    public async Task UpdateObjective_ChangesItsRoleLeadAndResources_AndAStaleVersionIsAConflict()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, objective, _) = await PlanWithMilestoneAsync(f);

        await using (var db = f.Context())
        {
            var result = await new PlanObjectiveEditor(db).UpdateObjectiveAsync(f.Manager, plan.Id, objective.Id, objective.Version,
                new PlanObjectiveInput(f.OtherObjectiveId, "improvement-objective", "Jo Smith", "£5,000"));
            Assert.Equal(EditOutcome.Done, result.Outcome);
        }

        await using var again = f.Context();
        var stale = await new PlanObjectiveEditor(again).UpdateObjectiveAsync(f.Manager, plan.Id, objective.Id, objective.Version,
            new PlanObjectiveInput(f.ObjectiveId, "supporting-objective", "Second writer", null));
        var saved = await again.PlanObjectives.AsNoTracking().SingleAsync(o => o.Id == objective.Id);

        Assert.Equal(EditOutcome.Conflict, stale.Outcome);
        Assert.Equal((f.OtherObjectiveId, PlanObjectiveRole.ImprovementObjective, "Jo Smith", "£5,000"), (saved.ObjectiveId, saved.Role, saved.Lead, saved.Resources));
        Assert.Equal("Jo Smith", stale.Record!.Lead);
    }

    [Fact]
    public async Task UpdateObjective_ToOneAlreadyInThePlan_OrWithNoRole_NamesTheFields()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, objective, _) = await PlanWithMilestoneAsync(f);
        await using var db = f.Context();
        var editor = new PlanObjectiveEditor(db);
        var other = await editor.AddObjectiveAsync(f.Officer, plan.Id, new PlanObjectiveInput(f.OtherObjectiveId, "service-objective", null, null));

        var result = await editor.UpdateObjectiveAsync(f.Officer, plan.Id, other.Record!.Id, other.Record.Version, new PlanObjectiveInput(objective.ObjectiveId, "", null, null));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal([PlanFields.ObjectiveId, PlanFields.Role], result.Errors.Keys.Order());
    }

    [Fact]
    public async Task UpdateMeasure_OfAMilestone_ChangesItsTitleAndYearTargets_ABlankClearsAYear()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, _, measure) = await PlanWithMilestoneAsync(f);

        await using (var db = f.Context())
        {
            var result = await new PlanObjectiveEditor(db).UpdateMeasureAsync(f.Officer, plan.Id, measure.Id, measure.Version,
                new PlanMeasureChange("Policy and Performance Manager", "Existing budget", "Agree and publish the Corporate Plan", ["", "May 12", "May 13"]));
            Assert.Equal(EditOutcome.Done, result.Outcome);
            Assert.NotEqual(measure.Version, result.Record!.Version);
        }

        await using var read = f.Context();
        var saved = await read.PlanMeasures.AsNoTracking().Include(m => m.Milestone).ThenInclude(m => m!.Targets).SingleAsync(m => m.Id == measure.Id);
        Assert.Equal(("Policy and Performance Manager", "Existing budget", "Agree and publish the Corporate Plan"), (saved.Lead, saved.Resources, saved.Milestone!.Title));
        Assert.Equal(measure.MilestoneId, saved.MilestoneId);
        Assert.Equal(["May 12", "May 13"], saved.Milestone.Targets.OrderBy(t => t.Year.Start).Select(t => t.Text));
    }

    [Fact]
    public async Task UpdateMeasure_OfAMilestoneAnotherPlanShares_CopiesIt_SoTheOtherPlanStaysAsItWas()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (published, _, shared) = await PlanWithMilestoneAsync(f, PlanState.Published);
        var draft = await f.NewPlanAsync(title: "Rolled forward", start: PlanFixture.Year2011.Next());
        PlanMeasure carried;
        await using (var db = f.Context())
        {
            var objective = new PlanObjective { OrganisationId = f.Org.Id, PlanId = draft.Id, ObjectiveId = f.ObjectiveId, Role = PlanObjectiveRole.SupportingObjective, IsCarried = true };
            carried = new PlanMeasure { OrganisationId = f.Org.Id, PlanObjective = objective, MilestoneId = shared.MilestoneId, IsCarried = true };
            db.AddRange(objective, carried);
            await db.SaveChangesAsync();
        }

        await using (var db = f.Context())
        {
            var result = await new PlanObjectiveEditor(db).UpdateMeasureAsync(f.Officer, draft.Id, carried.Id, carried.Version, new PlanMeasureChange(null, null, "Renamed in the draft", null));
            Assert.Equal(EditOutcome.Done, result.Outcome);
        }

        await using var read = f.Context();
        var milestones = await read.PlanMeasures.AsNoTracking().Include(m => m.Milestone).ThenInclude(m => m!.Targets)
            .Where(m => m.Id == shared.Id || m.Id == carried.Id).ToDictionaryAsync(m => m.Id, m => m.Milestone!);
        Assert.Equal("Publish the Corporate Plan", milestones[shared.Id].Title);
        Assert.Equal("Renamed in the draft", milestones[carried.Id].Title);
        Assert.NotEqual(milestones[shared.Id].Id, milestones[carried.Id].Id);
        Assert.Equal(["May 11"], milestones[carried.Id].Targets.Select(t => t.Text)); // The copy keeps the targets; no list leaves them.
        Assert.Equal(PlanState.Published, (await read.Plans.AsNoTracking().SingleAsync(p => p.Id == published.Id)).State);
    }

    [Fact]
    public async Task UpdateMeasure_OfAnIndicator_RefusesMilestoneFields_AndNeedsTheVersion()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, objective, _) = await PlanWithMilestoneAsync(f);
        await using var db = f.Context();
        var indicator = new Indicator { OrganisationId = f.Org.Id, Code = "NI 4", Title = "Influence decisions" };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        var editor = new PlanObjectiveEditor(db);
        var added = await editor.AddMeasureAsync(f.Officer, plan.Id, new PlanMeasureInput(objective.Id, indicator.Id, null, null, null));

        var withMilestone = await editor.UpdateMeasureAsync(f.Officer, plan.Id, added.Record!.Id, added.Record.Version, new PlanMeasureChange("PPM", null, "Not a milestone", null));
        var noVersion = await editor.UpdateMeasureAsync(f.Officer, plan.Id, added.Record.Id, null, new PlanMeasureChange("PPM", null, null, null));

        Assert.Equal(EditOutcome.Invalid, withMilestone.Outcome);
        Assert.True(withMilestone.Errors.ContainsKey(PlanFields.MilestoneTitle));
        Assert.True(noVersion.Errors.ContainsKey("version"));
    }

    [Fact]
    public async Task UpdateMeasure_IsRefusedOnASubmittedPlan_ForbiddenToAnotherUnitsManager_AndNotFoundInAnotherPlan()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (submitted, _, measure) = await PlanWithMilestoneAsync(f, PlanState.Submitted);
        var (draft, _, draftMeasure) = await PlanWithMilestoneAsync(f);
        await using var db = f.Context();
        var editor = new PlanObjectiveEditor(db);
        var change = new PlanMeasureChange(null, null, "Changed", null);

        var refused = await editor.UpdateMeasureAsync(f.Officer, submitted.Id, measure.Id, measure.Version, change);
        var forbidden = await editor.UpdateMeasureAsync(f.OtherManager, draft.Id, draftMeasure.Id, draftMeasure.Version, change);
        var elsewhere = await editor.UpdateMeasureAsync(f.Officer, draft.Id, measure.Id, measure.Version, change);

        Assert.Equal((EditOutcome.Refused, EditOutcome.Forbidden, EditOutcome.NotFound), (refused.Outcome, forbidden.Outcome, elsewhere.Outcome));
        Assert.Equal(PlanEditor.NotDraft, refused.Reason);
    }
}
