using Microsoft.EntityFrameworkCore;
using Waymark.Core.Framework;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Rounds;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Plans;

/// <summary>Milestones, and returns that ask for their progress, made directly for the pages' tests (South Cambridgeshire).</summary>
public static class MilestoneTestData
{
    /// <summary>A draft plan of this year measuring one milestone with a target, owned by nobody (or by the post given).</summary>
    public static Task<(int Plan, int Milestone)> PlanWithMilestoneAsync(this WaymarkFactory factory, int? ownerPostId = null) =>
        factory.InOrganisationAsync(async db =>
        {
            var organisationId = await db.Organisations.Where(o => o.Slug == TestData.Scdc).Select(o => o.Id).SingleAsync();
            var type = await db.PlanTypes.OrderBy(t => t.SortOrder).FirstAsync();
            var level = await db.FrameworkLevels.OrderBy(l => l.SortOrder).FirstAsync();
            var year = Period.FinancialYearContaining(TestData.DemoToday, 4);
            var plan = new Plan { OrganisationId = organisationId, PlanType = type, Title = "Milestone test plan", StartYear = year, EndYear = year };
            var planObjective = new PlanObjective
            {
                OrganisationId = organisationId, Plan = plan, Role = PlanObjectiveRole.SupportingObjective,
                Objective = new Objective { OrganisationId = organisationId, LevelId = level.Id, Title = "Plan for the district's growth" },
            };
            var milestone = new Milestone { OrganisationId = organisationId, Title = "Adopt the Core Strategy", OwnerPostId = ownerPostId };
            milestone.Targets.Add(new MilestoneTarget { OrganisationId = organisationId, Year = year, Text = "Jan 12" });
            planObjective.Measures.Add(new PlanMeasure { OrganisationId = organisationId, Milestone = milestone });
            db.AddRange(plan, planObjective);
            await db.SaveChangesAsync();
            return (plan.Id, milestone.Id);
        });

    /// <summary>
    /// The holder of the post's return in an open round for the quarter (the round there is, else a new one, due 27
    /// January 2012), asking for the milestone's progress; the round's id and the return's.
    /// </summary>
    public static Task<(int Round, int Return)> ReturnWithMilestoneAsync(this WaymarkFactory factory, int postId, int milestone, Period quarter) =>
        factory.InOrganisationAsync(async db =>
        {
            var organisationId = await db.Organisations.Where(o => o.Slug == TestData.Scdc).Select(o => o.Id).SingleAsync();
            var round = await db.MonitoringRounds.FirstOrDefaultAsync(r => r.Period == quarter);
            if (round is null)
            {
                round = new MonitoringRound
                {
                    OrganisationId = organisationId, Period = quarter, OpenedByName = "Test", OpenedAt = new DateTimeOffset(2012, 1, 3, 9, 0, 0, TimeSpan.Zero),
                    ReturnsDeadline = new DateOnly(2012, 1, 27), SignOffDeadline = new DateOnly(2012, 2, 3),
                };
                db.MonitoringRounds.Add(round);
                await db.SaveChangesAsync();
            }

            var post = await db.Posts.SingleAsync(p => p.Id == postId);
            var mine = new RoundReturn
            {
                OrganisationId = organisationId, RoundId = round.Id, PersonId = post.HolderId!.Value, UnitId = post.UnitId,
                Items = [new RoundReturnItem { OrganisationId = organisationId, Kind = RoundItemKind.MilestoneProgress, MilestoneId = milestone, PostId = postId, UnitId = post.UnitId }],
            };
            db.RoundReturns.Add(mine);
            await db.SaveChangesAsync();
            return (round.Id, mine.Id);
        });
}
