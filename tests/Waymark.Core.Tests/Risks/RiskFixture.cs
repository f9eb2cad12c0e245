using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Risks;

/// <summary>
/// A council of its own in the shared database, running as at 16 January 2012 (Q4 2011/12), with two units, a post in
/// the first held by a person, and the people who work on risks.
/// </summary>
internal sealed class RiskFixture
{
    public static readonly DateOnly Today = new(2012, 1, 16);

    public required TestDatabase Database { get; init; }
    public required Organisation Org { get; init; }
    public required int UnitId { get; init; }
    public required int OtherUnitId { get; init; }
    public required int PostId { get; init; }
    public required int PersonId { get; init; }

    public static async Task<RiskFixture> CreateAsync()
    {
        var database = await TestDatabase.SharedAsync();
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = TestDatabase.UniqueSlug("risks"), AsAt = Today };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var unit = new Unit { OrganisationId = org.Id, Name = "Community Safety" };
        var other = new Unit { OrganisationId = org.Id, Name = "Environmental Health" };
        var person = new Person { OrganisationId = org.Id, Name = "Jane Smith" };
        var post = new Post { OrganisationId = org.Id, Unit = unit, Title = "Partnerships Manager", Holder = person };
        db.AddRange(unit, other, person, post);
        await db.SaveChangesAsync();
        return new RiskFixture { Database = database, Org = org, UnitId = unit.Id, OtherUnitId = other.Id, PostId = post.Id, PersonId = person.Id };
    }

    public WaymarkDbContext Context()
    {
        var scope = new OrganisationScope();
        scope.Enter(Org);
        return Database.CreateContext(scope);
    }

    public Actor Administrator => new(1, "Ada Administrator", Org.Id, Role.Administrator, true, new HashSet<int>(), null, new HashSet<int>());

    public Actor Officer => new(2, "Pat Performance", Org.Id, Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());

    /// <summary>A service manager of <see cref="UnitId"/>.</summary>
    public Actor Manager => new(3, "Sam Manager", Org.Id, Role.ServiceManager, false, new HashSet<int> { UnitId }, null, new HashSet<int>());

    /// <summary>A lead officer holding <see cref="PostId"/>.</summary>
    public Actor Owner => new(4, "Jane Smith", Org.Id, Role.LeadOfficer, false, new HashSet<int>(), PersonId, new HashSet<int> { PostId });

    public Actor Councillor => new(5, "Cllr Cole", Org.Id, Role.Councillor, true, new HashSet<int>(), null, new HashSet<int>());

    /// <summary>Seed 000's risk a): the Community Safety Partnership plan, a service risk of <see cref="UnitId"/> owned by the post.</summary>
    public RiskInput CommunitySafety(int current = 3, int impact = 4) => new()
    {
        Title = "Failure to deliver the Community Safety Partnership plan",
        Cause = "Failure to deliver the Community Safety Partnership plan",
        Event = "leading to an increase in crime and the fear of crime",
        Consequence = "resulting in reduced public confidence and damage to the council's reputation",
        Category = "Partnership",
        RegisterLevel = RiskRegisterLevel.Service,
        UnitId = UnitId,
        OwnerPostId = PostId,
        InherentLikelihood = 4, InherentImpact = 5,
        CurrentLikelihood = current, CurrentImpact = impact,
        TargetLikelihood = 2, TargetImpact = 3,
        Response = RiskResponse.Treat,
    };
}
