using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Plans;

/// <summary>
/// A council of its own in the shared database (<see cref="TestDatabase.SharedAsync"/>), or in a database of its own for
/// a test that reads the whole audit trail, with one council (April year start), a unit ("Policy and Performance")
/// and another, a plan type and a framework entry; and the people who work on plans.
/// </summary>
internal sealed class PlanFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2012, 3, 20, 10, 30, 0, TimeSpan.Zero);

    public required TestDatabase Database { get; init; }
    public required Organisation Org { get; init; }
    public required int UnitId { get; init; }
    public required int OtherUnitId { get; init; }
    public required int PlanTypeId { get; init; }
    public required int ObjectiveId { get; init; }
    public required int OtherObjectiveId { get; init; }

    public static readonly Period Year2011 = Period.FinancialYear(2011, 4);

    public static async Task<PlanFixture> CreateAsync(bool ownDatabase = false)
    {
        var database = ownDatabase ? await TestDatabase.MigratedAsync() : await TestDatabase.SharedAsync();
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = TestDatabase.UniqueSlug("test") };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var unit = new Unit { OrganisationId = org.Id, Name = "Policy and Performance" };
        var other = new Unit { OrganisationId = org.Id, Name = "Environmental Health" };
        var type = new PlanType { OrganisationId = org.Id, Key = "service-plan", Name = "Service plan" };
        var level = new FrameworkLevel { OrganisationId = org.Id, Key = "aim", Name = "Aim", PluralName = "Aims" };
        var objective = new Objective { OrganisationId = org.Id, Level = level, Title = "Improve customer access" };
        var otherObjective = new Objective { OrganisationId = org.Id, Level = level, Title = "Value for money" };
        db.AddRange(unit, other, type, level, objective, otherObjective);
        await db.SaveChangesAsync();
        return new PlanFixture
        {
            Database = database, Org = org, UnitId = unit.Id, OtherUnitId = other.Id, PlanTypeId = type.Id,
            ObjectiveId = objective.Id, OtherObjectiveId = otherObjective.Id,
        };
    }

    public WaymarkDbContext Context(Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor = null)
    {
        var scope = new OrganisationScope();
        scope.Enter(Org);
        return Database.CreateContext(scope, clock: new FixedClock(Now), interceptor: interceptor);
    }

    public static PlanWorkflow Workflow(WaymarkDbContext db) => new(db, new FixedClock(Now));

    public Actor Officer => new(1, "Pat Performance", Org.Id, Role.PerformanceOfficer, WholeOrganisation: true, new HashSet<int>(), null, new HashSet<int>());

    public Actor Administrator => new(2, "Ada Administrator", Org.Id, Role.Administrator, WholeOrganisation: true, new HashSet<int>(), null, new HashSet<int>());

    /// <summary>A service manager of <see cref="UnitId"/>.</summary>
    public Actor Manager => new(3, "Sam Manager", Org.Id, Role.ServiceManager, WholeOrganisation: false, new HashSet<int> { UnitId }, null, new HashSet<int>());

    public Actor OtherManager => new(4, "Olu Manager", Org.Id, Role.ServiceManager, WholeOrganisation: false, new HashSet<int> { OtherUnitId }, null, new HashSet<int>());

    public Actor Lead => new(5, "Lee Lead", Org.Id, Role.LeadOfficer, WholeOrganisation: false, new HashSet<int> { UnitId }, null, new HashSet<int>());

    public Actor Councillor => new(6, "Cllr Cole", Org.Id, Role.Councillor, WholeOrganisation: true, new HashSet<int>(), null, new HashSet<int>());

    /// <summary>A plan of <see cref="UnitId"/> for 2011/12 to 2013/14 in the given state.</summary>
    public async Task<Plan> NewPlanAsync(PlanState state = PlanState.Draft, string title = "Policy and Performance Service Plan 2011/12", Period? start = null)
    {
        await using var db = Context();
        var from = start ?? Year2011;
        var plan = new Plan
        {
            OrganisationId = Org.Id, PlanTypeId = PlanTypeId, Title = title, UnitId = UnitId, StartYear = from, EndYear = from.Next().Next(), State = state,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
