using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Messages;
using Waymark.Core.Risks;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Risks;

/// <summary>
/// A review that takes a service risk above the escalation score proposes it for the strategic register and tells the
/// performance officers; seed 000's risk a) (the Community Safety Partnership plan) on the default 5×5 matrix, whose
/// escalation score is 16.
/// </summary>
public class RiskReviewEscalationTests
{
    private static Risk Risk(int likelihood, int impact, RiskRegisterLevel level = RiskRegisterLevel.Service, EscalationState? state = null)
    {
        var risk = new Risk { Reference = "R1", Title = "Failure to deliver the Community Safety Partnership plan", CurrentLikelihood = likelihood, CurrentImpact = impact, RegisterLevel = level };
        if (state is { } s)
        {
            risk.Escalations.Add(new RiskEscalation { ProposedByName = "Sam Manager", State = s });
        }

        return risk;
    }

    [Theory]
    [InlineData(12, 20, true)] // High (3×4) to Very high (4×5): above 16.
    [InlineData(16, 20, true)] // From the escalation score itself to above it.
    [InlineData(20, 25, false)] // Already above: not proposed again by each review.
    [InlineData(12, 16, false)] // Up, but not above the escalation score.
    [InlineData(20, 12, false)] // Down.
    public void ProposedByReview_WhenTheReviewTakesTheScoreAboveTheEscalationScore(int before, int after, bool expected)
    {
        var proposed = RiskEscalationRules.ProposedByReview(Risk(1, 1), before, after, 16);

        Assert.Equal(expected, proposed);
    }

    [Fact]
    public void ProposedByReview_NeverForAStrategicOrClosedRisk_OrOneWaitingOrAccepted_OrWithoutAnEscalationScore()
    {
        var closed = Risk(1, 1);
        closed.State = RiskState.Closed;

        Assert.False(RiskEscalationRules.ProposedByReview(Risk(1, 1, RiskRegisterLevel.Strategic), 12, 20, 16));
        Assert.False(RiskEscalationRules.ProposedByReview(closed, 12, 20, 16));
        Assert.False(RiskEscalationRules.ProposedByReview(Risk(1, 1, state: EscalationState.Proposed), 12, 20, 16));
        Assert.False(RiskEscalationRules.ProposedByReview(Risk(1, 1, state: EscalationState.Accepted), 12, 20, 16));
        Assert.True(RiskEscalationRules.ProposedByReview(Risk(1, 1, state: EscalationState.Declined), 12, 20, 16));
        Assert.False(RiskEscalationRules.ProposedByReview(Risk(1, 1), 12, 20, null));
    }

    [Fact]
    public async Task AReviewAboveTheEscalationScore_ProposesTheRisk_AndTellsThePerformanceOfficers()
    {
        var fixture = await RiskFixture.CreateAsync();
        int officerPerson;
        await using (var db = fixture.Context())
        {
            var person = new Waymark.Core.Units.Person { OrganisationId = fixture.Org.Id, Name = "Pat Performance" };
            var user = new User { UserName = TestDatabase.UniqueSlug("pat"), NormalizedUserName = TestDatabase.UniqueSlug("PAT"), DisplayName = "Pat Performance", SecurityStamp = "s" };
            db.AddRange(person, user);
            await db.SaveChangesAsync();
            db.Memberships.Add(new Membership { OrganisationId = fixture.Org.Id, UserId = user.Id, PersonId = person.Id, Role = Role.PerformanceOfficer });
            await db.SaveChangesAsync();
            officerPerson = person.Id;
        }

        int riskId;
        await using (var db = fixture.Context())
        {
            riskId = (await new RiskEditor(db, TimeProvider.System).CreateAsync(fixture.Manager, fixture.CommunitySafety(current: 3, impact: 4))).Record!.Id;
        }

        EditResult<Risk> reviewed;
        await using (var db = fixture.Context())
        {
            var editor = new RiskReviewEditor(db, TimeProvider.System, new Notices(db, new MailSettings(), TimeProvider.System));
            reviewed = await editor.AddAsync(fixture.Manager, riskId, null, new RiskReviewInput { Likelihood = 4, Impact = 5, Commentary = "Partnership funding withdrawn" });
        }

        Assert.Equal(EditOutcome.Done, reviewed.Outcome);
        await using var check = fixture.Context();
        var escalation = await check.RiskEscalations.SingleAsync(e => e.RiskId == riskId);
        Assert.Equal((EscalationState.Proposed, 20, "Sam Manager"), (escalation.State, escalation.ProposedScore, escalation.ProposedByName));
        Assert.Contains("above the escalation score of 16", escalation.Reason, StringComparison.Ordinal);
        var notice = await check.Notices.SingleAsync(n => n.PersonId == officerPerson);
        Assert.Equal(NoticeKind.RiskProposed, notice.Kind);
        Assert.Contains("Failure to deliver the Community Safety Partnership plan", notice.Text, StringComparison.Ordinal);
        Assert.Equal($"/{fixture.Org.Slug}/risks/escalations", notice.Link);
    }

    [Fact]
    public async Task AReviewThatStaysBelowTheEscalationScore_ProposesNothing()
    {
        var fixture = await RiskFixture.CreateAsync();
        int riskId;
        await using (var db = fixture.Context())
        {
            riskId = (await new RiskEditor(db, TimeProvider.System).CreateAsync(fixture.Manager, fixture.CommunitySafety(current: 2, impact: 3))).Record!.Id;
        }

        await using (var db = fixture.Context())
        {
            await new RiskReviewEditor(db, TimeProvider.System).AddAsync(fixture.Manager, riskId, null, new RiskReviewInput { Likelihood = 4, Impact = 4, Commentary = "Worse" });
        }

        await using var check = fixture.Context();
        Assert.False(await check.RiskEscalations.AnyAsync(e => e.RiskId == riskId));
    }
}
