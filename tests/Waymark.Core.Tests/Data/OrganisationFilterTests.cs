using Microsoft.EntityFrameworkCore;
using Waymark.Core.Organisations;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Data;

/// <summary>Queries see only the current organisation's rows; the bypass is explicit.</summary>
public class OrganisationFilterTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public async Task Query_InOneOrganisation_SeesOnlyItsRows()
    {
        var scope = new OrganisationScope();
        await using var db = fixture.Database.CreateContext(scope);
        var stockton = await db.Organisations.SingleAsync(o => o.Slug == "stockton-on-tees");
        scope.Enter(stockton);

        var organisationIds = await db.Objectives.Select(o => o.OrganisationId).Distinct().ToListAsync();
        var unitOrgs = await db.Units.Select(u => u.OrganisationId).Distinct().ToListAsync();

        Assert.Equal([stockton.Id], organisationIds);
        Assert.Equal([stockton.Id], unitOrgs);
    }

    [Fact]
    public async Task Query_WithNoOrganisation_SeesNothing()
    {
        await using var db = fixture.Database.CreateContext();

        Assert.Equal(0, await db.Objectives.CountAsync());
        Assert.Equal(0, await db.Units.CountAsync());
        Assert.Equal(0, await db.People.CountAsync());
    }

    [Fact]
    public async Task Query_IgnoringFilters_SeesEveryOrganisation()
    {
        await using var db = fixture.Database.CreateContext();

        var organisations = await db.Objectives.IgnoreQueryFilters().Select(o => o.OrganisationId).Distinct().CountAsync();

        Assert.Equal(2, organisations);
    }

    [Fact]
    public async Task Find_ByIdOfAnotherOrganisationsRow_ReturnsNothing()
    {
        var scope = new OrganisationScope();
        await using var db = fixture.Database.CreateContext(scope);
        var stockton = await db.Organisations.SingleAsync(o => o.Slug == "stockton-on-tees");
        var otherId = await db.Objectives.IgnoreQueryFilters().Where(o => o.OrganisationId != stockton.Id).Select(o => o.Id).FirstAsync();
        scope.Enter(stockton);

        Assert.Null(await db.Objectives.SingleOrDefaultAsync(o => o.Id == otherId));
    }

    [Fact]
    public void Enter_ASecondOrganisation_IsRefused()
    {
        var scope = new OrganisationScope();
        scope.Enter(new Organisation { Id = 1, Name = "One", ShortName = "One", Slug = "one" });

        Assert.Throws<InvalidOperationException>(() =>
            scope.Enter(new Organisation { Id = 2, Name = "Two", ShortName = "Two", Slug = "two" }));
    }
}
