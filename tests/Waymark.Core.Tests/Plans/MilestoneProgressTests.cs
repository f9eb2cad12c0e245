using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Plans;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Plans;

/// <summary>
/// Milestones' progress through <see cref="MilestoneProgressEditor"/>, on a plan for 2011/12 to 2013/14 as at 20 March
/// 2012 (Q4 2011/12), with the milestone "Adopt the Core Strategy" owned by a post Lee Lead holds.
/// </summary>
public class MilestoneProgressTests
{
    private const string Q3 = "Q3 2011/12";

    [Fact]
    public async Task Record_OnTrack_IsSavedForTheQuarter_WithWhoAndWhen()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, milestone, _) = await ArrangeAsync(f);
        await using var db = f.Context();

        var result = await Editor(db).RecordAsync(f.Officer, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "on-track", null, null, "Examination in public held", null));

        Assert.Equal(EditOutcome.Done, result.Outcome);
        var saved = await f.Context().MilestoneProgress.SingleAsync(p => p.MilestoneId == milestone.Id);
        Assert.Equal(MilestoneState.OnTrack, saved.State);
        Assert.Equal("Q2011-10", saved.Period.Code);
        Assert.Equal("Pat Performance", saved.EnteredByName);
        Assert.Equal("Examination in public held", saved.Commentary);
    }

    [Fact]
    public async Task Record_AchievedWithoutADate_OrMissedWithoutAMonth_IsRefusedOnThatField()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, milestone, _) = await ArrangeAsync(f);
        await using var db = f.Context();

        var achieved = await Editor(db).RecordAsync(f.Officer, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "achieved", null, null, null, null));
        var missed = await Editor(db).RecordAsync(f.Officer, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "missed", null, " ", null, null));

        Assert.Equal("Enter the date the milestone was achieved", achieved.Errors[MilestoneFields.AchievedOn]);
        Assert.StartsWith("Enter the month the milestone is now expected", missed.Errors[MilestoneFields.RevisedMonth], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Missed_KeepsTheRevisedMonth()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, milestone, _) = await ArrangeAsync(f);
        await using var db = f.Context();

        var result = await Editor(db).RecordAsync(f.Officer, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "missed", null, "Jun 12", "Inspector's report delayed", null));

        Assert.Equal(EditOutcome.Done, result.Outcome);
        Assert.Equal("Missed or late: now expected by Jun 2012", MilestoneRules.Summary(result.Record!, 4));
    }

    [Theory]
    [InlineData("Q1 2012/13", "has not started yet")]
    [InlineData("Q4 2010/11", "is not in this plan's years")]
    [InlineData("", "Choose the quarter")]
    public async Task Record_ForAQuarterNotBegunOrNotThePlans_IsRefusedOnThePeriod(string quarter, string expected)
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, milestone, _) = await ArrangeAsync(f);
        await using var db = f.Context();

        var result = await Editor(db).RecordAsync(f.Officer, plan.Id, milestone.Id, new MilestoneProgressInput(quarter, "on-track", null, null, null, null));

        Assert.Contains(expected, result.Errors[MilestoneFields.Period], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_ByTheOwnersPostHolder_IsAllowed_ByAnotherLeadOfficer_IsForbidden()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, milestone, holder) = await ArrangeAsync(f);
        await using var db = f.Context();
        var stranger = new Actor(8, "Other Lead", f.Org.Id, Role.LeadOfficer, WholeOrganisation: false, new HashSet<int>(), null, new HashSet<int>());

        var forbidden = await Editor(db).RecordAsync(stranger, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "on-track", null, null, null, null));
        var allowed = await Editor(db).RecordAsync(holder, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "on-track", null, null, null, null));

        Assert.Equal(EditOutcome.Forbidden, forbidden.Outcome);
        Assert.Equal(EditOutcome.Done, allowed.Outcome);
    }

    [Fact]
    public async Task Record_ThroughAPlanThatDoesNotMeasureIt_IsNotFound()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (_, milestone, _) = await ArrangeAsync(f);
        var other = await f.NewPlanAsync(title: "Another plan");
        await using var db = f.Context();

        var result = await Editor(db).RecordAsync(f.Officer, other.Id, milestone.Id, new MilestoneProgressInput(Q3, "on-track", null, null, null, null));

        Assert.Equal(EditOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task Record_ASecondTimeForTheQuarter_ReplacesOnlyWithTheVersionRead()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, milestone, _) = await ArrangeAsync(f);
        await using var db = f.Context();
        var first = await Editor(db).RecordAsync(f.Officer, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "on-track", null, null, null, null));

        await using var other = f.Context();
        var unseen = await Editor(other).RecordAsync(f.Manager, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "at-risk", null, null, "Slipping", null));
        await using var third = f.Context();
        var seen = await Editor(third).RecordAsync(f.Manager, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "at-risk", null, null, "Slipping", first.Record!.Version));

        Assert.Equal(EditOutcome.Conflict, unseen.Outcome);
        Assert.Equal(EditOutcome.Done, seen.Outcome);
        Assert.Equal(MilestoneState.AtRisk, (await f.Context().MilestoneProgress.SingleAsync(p => p.MilestoneId == milestone.Id)).State);
    }

    [Fact]
    public async Task Record_UnderTheCommentaryRules_AMissedMilestoneNeedsCommentaryAndWhatIsBeingDone()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, milestone, _) = await ArrangeAsync(f);
        await using (var setup = f.Context())
        {
            var organisation = await setup.Organisations.SingleAsync(o => o.Id == f.Org.Id);
            organisation.CommentaryWhenRedOrAmber = true;
            organisation.RemedialWhenRed = true;
            await setup.SaveChangesAsync();
        }

        await using var db = f.Context();
        var refused = await Editor(db).RecordAsync(f.Officer, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "missed", null, "Jun 12", null, null));
        var saved = await Editor(db).RecordAsync(f.Officer, plan.Id, milestone.Id,
            new MilestoneProgressInput(Q3, "missed", null, "Jun 12", "Inspector's report delayed", null) { Remedial = "Weekly calls with the Planning Inspectorate" });

        Assert.Equal("Enter commentary: this milestone is Red", refused.Errors[MilestoneFields.Commentary]);
        Assert.Equal("Enter what is being done about it: this milestone is Red", refused.Errors[MilestoneFields.Remedial]);
        Assert.Equal(EditOutcome.Done, saved.Outcome);
        Assert.Equal("Weekly calls with the Planning Inspectorate", saved.Record!.Remedial);
    }

    [Fact]
    public async Task Record_IsAuditedWithTheMilestonesTitle()
    {
        await using var f = await PlanFixture.CreateAsync();
        var (plan, milestone, _) = await ArrangeAsync(f);
        await using var db = f.Context();

        await Editor(db).RecordAsync(f.Officer, plan.Id, milestone.Id, new MilestoneProgressInput(Q3, "at-risk", null, null, "Slipping", null));

        var summaries = await f.Context().AuditEntries.Where(e => e.OrganisationId == f.Org.Id && e.EntityType == nameof(MilestoneProgress)).Select(e => e.Summary).ToListAsync();
        Assert.Contains("Milestone 'Adopt the Core Strategy', Q3 2011/12: at risk", summaries);
    }

    private static MilestoneProgressEditor Editor(Waymark.Core.Data.WaymarkDbContext db) => new(db, db.Clock);

    /// <summary>A plan measuring "Adopt the Core Strategy", owned by a post Lee Lead (a lead officer) holds.</summary>
    private static async Task<(Plan Plan, Milestone Milestone, Actor Holder)> ArrangeAsync(PlanFixture f)
    {
        var plan = await f.NewPlanAsync();
        await using var db = f.Context();
        var person = new Person { OrganisationId = f.Org.Id, Name = "Lee Lead" };
        var post = new Post { OrganisationId = f.Org.Id, UnitId = f.UnitId, Title = "Planning Policy Manager", Holder = person };
        var milestone = new Milestone { OrganisationId = f.Org.Id, Title = "Adopt the Core Strategy", OwnerPost = post };
        var planObjective = new PlanObjective { OrganisationId = f.Org.Id, PlanId = plan.Id, ObjectiveId = f.ObjectiveId, Role = PlanObjectiveRole.SupportingObjective };
        planObjective.Measures.Add(new PlanMeasure { OrganisationId = f.Org.Id, Milestone = milestone });
        db.AddRange(person, post, milestone, planObjective);
        await db.SaveChangesAsync();
        var holder = new Actor(5, "Lee Lead", f.Org.Id, Role.LeadOfficer, WholeOrganisation: false, new HashSet<int> { f.UnitId }, person.Id, new HashSet<int> { post.Id });
        return (plan, milestone, holder);
    }
}
