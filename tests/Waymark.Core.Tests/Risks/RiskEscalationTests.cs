using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Risks;

/// <summary>
/// Escalation from a service register to the strategic register: proposed by score or by a manager's choice, then
/// accepted or declined with a reason by the central team, the proposal kept either way.
/// </summary>
public class RiskEscalationTests
{
    private sealed record Council(TestDatabase Database, Organisation Org, int UnitId, int OtherUnitId)
    {
        public WaymarkDbContext Context()
        {
            var scope = new OrganisationScope();
            scope.Enter(Org);
            return Database.CreateContext(scope);
        }

        public Actor Officer => new(2, "Pat Performance", Org.Id, Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());

        public Actor Manager => new(3, "Sam Manager", Org.Id, Role.ServiceManager, false, new HashSet<int> { UnitId }, null, new HashSet<int>());

        public Actor Councillor => new(5, "Cllr Cole", Org.Id, Role.Councillor, true, new HashSet<int>(), null, new HashSet<int>());
    }

    private static async Task<Council> CouncilAsync()
    {
        var database = await TestDatabase.SharedAsync();
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = TestDatabase.UniqueSlug("escalate"), AsAt = new DateOnly(2012, 1, 16) };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var unit = new Unit { OrganisationId = org.Id, Name = "Community Safety" };
        var other = new Unit { OrganisationId = org.Id, Name = "Environmental Health" };
        db.AddRange(unit, other);
        var matrix = RiskMatrixDefaults.Create();
        matrix.OrganisationId = org.Id;
        matrix.Levels.ForEach(l => l.OrganisationId = org.Id);
        matrix.Bands.ForEach(b => b.OrganisationId = org.Id);
        matrix.Categories.ForEach(c => c.OrganisationId = org.Id);
        matrix.ImpactTypes.ForEach(t => { t.OrganisationId = org.Id; t.Criteria.ForEach(c => c.OrganisationId = org.Id); });
        db.RiskMatrices.Add(matrix);
        await db.SaveChangesAsync();
        return new Council(database, org, unit.Id, other.Id);
    }

    private static async Task<Risk> RiskAsync(Council council, int likelihood, int impact, int? unitId = null)
    {
        await using var db = council.Context();
        var category = await db.RiskCategories.FirstAsync(c => c.Name == "Partnership");
        var risk = new Risk
        {
            OrganisationId = council.Org.Id, Reference = "R" + Guid.NewGuid().ToString("N")[..6], Title = "Failure to deliver the Community Safety Partnership plan",
            CategoryId = category.Id, UnitId = unitId ?? council.UnitId, InherentLikelihood = 5, InherentImpact = 5,
            CurrentLikelihood = likelihood, CurrentImpact = impact,
        };
        db.Risks.Add(risk);
        await db.SaveChangesAsync();
        return risk;
    }

    private static async Task<EditResult<RiskEscalation>> DecideAsync(Council council, Actor actor, int id, Guid? version, bool accept, string? reason)
    {
        await using var db = council.Context();
        return await new RiskEscalationEditor(db, TimeProvider.System).DecideAsync(actor, id, version, accept, reason);
    }

    [Fact]
    public async Task ManagerProposesARiskAboveTheEscalationScore_WithoutAReason_AndTheOfficerAcceptsIt()
    {
        var council = await CouncilAsync();
        var risk = await RiskAsync(council, 4, 5);

        await using var db = council.Context();
        var editor = new RiskEscalationEditor(db, TimeProvider.System);
        var proposed = await editor.ProposeAsync(council.Manager, risk.Id, risk.Version, null);
        var accepted = await DecideAsync(council, council.Officer, proposed.Record!.Id, proposed.Record.Version, accept: true, "Corporate significance");

        Assert.Equal((EditOutcome.Done, 20), (proposed.Outcome, proposed.Record.ProposedScore));
        Assert.Equal(EditOutcome.Done, accepted.Outcome);
        await using var check = council.Context();
        var saved = await check.Risks.Include(r => r.Escalations).SingleAsync(r => r.Id == risk.Id);
        Assert.Equal(RiskRegisterLevel.Strategic, saved.RegisterLevel);
        Assert.Equal(council.UnitId, saved.UnitId);
        Assert.Equal((EscalationState.Accepted, "Pat Performance"), (saved.Escalations.Single().State, saved.Escalations.Single().DecidedByName));
    }

    [Fact]
    public async Task ARiskBelowTheEscalationScore_NeedsTheManagersReason()
    {
        var council = await CouncilAsync();
        var risk = await RiskAsync(council, 2, 3);

        await using var db = council.Context();
        var result = await new RiskEscalationEditor(db, TimeProvider.System).ProposeAsync(council.Manager, risk.Id, risk.Version, " ");

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("Enter a reason", result.Errors[RiskFields.Reason]);
    }

    [Fact]
    public async Task DecliningNeedsAReason_AndAProposalIsDecidedOnce()
    {
        var council = await CouncilAsync();
        var risk = await RiskAsync(council, 5, 5);
        await using var db = council.Context();
        var proposed = await new RiskEscalationEditor(db, TimeProvider.System).ProposeAsync(council.Manager, risk.Id, null, null);

        var noReason = await DecideAsync(council, council.Officer, proposed.Record!.Id, null, accept: false, null);
        var declined = await DecideAsync(council, council.Officer, proposed.Record.Id, null, accept: false, "Managed within the service");
        var again = await DecideAsync(council, council.Officer, proposed.Record.Id, null, accept: true, null);

        Assert.Equal(EditOutcome.Invalid, noReason.Outcome);
        Assert.Equal(EditOutcome.Done, declined.Outcome);
        Assert.Equal(EditOutcome.Refused, again.Outcome);
        await using var check = council.Context();
        Assert.Equal(RiskRegisterLevel.Service, (await check.Risks.SingleAsync(r => r.Id == risk.Id)).RegisterLevel);
    }

    [Fact]
    public async Task OnlyTheUnitsManagerProposes_AndOnlyTheCentralTeamDecides()
    {
        var council = await CouncilAsync();
        var other = await RiskAsync(council, 5, 5, council.OtherUnitId);
        var own = await RiskAsync(council, 5, 5);
        await using var db = council.Context();
        var editor = new RiskEscalationEditor(db, TimeProvider.System);

        var otherUnit = await editor.ProposeAsync(council.Manager, other.Id, null, "Partnership-wide");
        var councillor = await editor.ProposeAsync(council.Councillor, own.Id, null, "Partnership-wide");
        var proposed = await editor.ProposeAsync(council.Manager, own.Id, null, null);
        var twice = await editor.ProposeAsync(council.Manager, own.Id, null, null);
        var managerDecides = await editor.DecideAsync(council.Manager, proposed.Record!.Id, null, accept: true, null);

        Assert.Equal(
            [EditOutcome.Forbidden, EditOutcome.Forbidden, EditOutcome.Done, EditOutcome.Refused, EditOutcome.Forbidden],
            new[] { otherUnit, councillor, proposed, twice }.Select(r => r.Outcome).Append(managerDecides.Outcome));
    }

    [Fact]
    public void DueByScore_OffersOpenServiceRisksAboveTheScore_WithoutAWaitingOrAcceptedProposal()
    {
        Risk Make(int l, int i, RiskRegisterLevel level = RiskRegisterLevel.Service, EscalationState? state = null)
        {
            var r = new Risk { Reference = $"R{l}{i}{level}{state}", Title = "t", CurrentLikelihood = l, CurrentImpact = i, RegisterLevel = level };
            if (state is { } s)
            {
                r.Escalations.Add(new RiskEscalation { ProposedByName = "x", State = s });
            }

            return r;
        }

        var above = Make(4, 5);
        var declinedBefore = Make(5, 5, state: EscalationState.Declined);
        Risk[] risks = [above, declinedBefore, Make(4, 4), Make(5, 5, RiskRegisterLevel.Strategic), Make(5, 4, state: EscalationState.Proposed)];

        Assert.Equal([above, declinedBefore], RiskEscalationRules.DueByScore(risks, 16));
        Assert.Empty(RiskEscalationRules.DueByScore(risks, null));
    }
}
