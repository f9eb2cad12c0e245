using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Demo;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Demo;

public class DemoLoaderTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public void FileNames_ListBothDemoCouncils()
    {
        Assert.Equal(["south-cambridgeshire.json", "stockton-on-tees.json"], DemoLoader.FileNames());
    }

    [Fact]
    public async Task Load_SouthCambridgeshire_HasAimsAToEInOrder()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var aims = await db.Objectives.Where(o => o.Level!.Key == "aim" && o.ParentId == null)
            .OrderBy(o => o.SortOrder).Select(o => o.Reference).ToListAsync();

        Assert.Equal(["A", "B", "C", "D", "E"], aims.Distinct());
        var aimA = await db.Objectives.SingleAsync(o => o.Level!.Key == "aim" && o.Reference == "A");
        Assert.StartsWith("We are committed to being a listening", aimA.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Load_SouthCambridgeshire_AimAHasApproachesAndCouncilActionA1WithSubItems()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;
        var aimA = await db.Objectives.SingleAsync(o => o.Level!.Key == "aim" && o.Reference == "A");

        var children = await db.Objectives.Where(o => o.ParentId == aimA.Id)
            .Select(o => new { o.Reference, Level = o.Level!.Key, o.Id }).ToListAsync();

        Assert.Contains(children, c => c is { Level: "approach", Reference: "A i" });
        Assert.Contains(children, c => c is { Level: "approach", Reference: "A v" });
        var a1 = children.Where(c => c is { Level: "council-action", Reference: "A1" }).ToList();
        Assert.NotEmpty(a1);
        var subItems = await db.Objectives.Where(o => a1.Select(a => a.Id).Contains(o.ParentId!.Value)).CountAsync();
        Assert.True(subItems >= 3, $"A1 should have sub-items i–iii; found {subItems}.");
    }

    [Fact]
    public async Task Load_SouthCambridgeshire_ServiceObjectivesContributeToTheAimsTheyCite()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var safe = await db.Objectives
            .Where(o => o.Level!.Key == "service-objective" && o.Title.StartsWith("To create safe communities"))
            .Select(o => new { o.Title, Links = o.ContributesTo.Select(l => l.ToObjective!.Reference).ToList() })
            .FirstAsync();

        Assert.Contains("B", safe.Links);
        Assert.Contains("B i", safe.Links);
    }

    [Fact]
    public async Task Load_SouthCambridgeshire_HasTheServiceAreaWithFourTeamsAndPortfolioHolders()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var area = await db.Units.Include(u => u.Children).Include(u => u.PortfolioHolders).ThenInclude(h => h.Person)
            .SingleAsync(u => u.Name == "Community and Customer Services");

        Assert.Equal(
            ["Communications", "Electoral and Support Services", "Partnerships", "Policy and Performance"],
            area.Children.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Contains(area.PortfolioHolders, h => h.Portfolio == "Partnerships" && h.Person!.Name == "Cllr Ray Manning" && h.Note == "Leader");
        Assert.True(await db.Posts.AnyAsync(p => p.Title == "Partnerships Manager" && p.Unit!.Name == "Partnerships"));
        Assert.True(await db.People.AnyAsync(p => p.Name == "Georgina Hayward" && p.Unit!.Name == "Communications"));
    }

    [Fact]
    public async Task Load_Stockton_HasDevelopmentPrioritiesPpc1To13LinkedToThemes()
    {
        var (db, org) = await fixture.EnterAsync("stockton-on-tees");
        await using var _db = db;

        var priorities = await db.Objectives.Where(o => o.Level!.Key == "development-priority")
            .Select(o => new { o.Reference, Links = o.ContributesTo.Count }).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 13).Select(i => $"PPC {i}"), priorities.Select(p => p.Reference).Order(new PpcOrder()));
        Assert.All(priorities, p => Assert.True(p.Links > 0, $"{p.Reference} contributes to nothing"));
        Assert.Equal(4, org.YearStartMonth);
    }

    [Fact]
    public async Task Load_ServiceObjectivesCarryThePlanYears()
    {
        var (db, org) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var objective = await db.Objectives.FirstAsync(o => o.Level!.Key == "service-objective" && o.Title.StartsWith("To create safe communities"));

        Assert.Equal(Period.FinancialYear(2009, 4), objective.StartPeriod);
        Assert.NotNull(objective.EndPeriod);
        Assert.Equal("2009/10", objective.StartPeriod!.Value.Format(org.YearStartMonth));
    }

    [Theory]
    [InlineData("south-cambridgeshire")]
    [InlineData("stockton-on-tees")]
    public async Task Load_EachDemoCouncil_RunsAsAtTheDemoDate(string slug)
    {
        var (db, org) = await fixture.EnterAsync(slug);
        await using var _db = db;

        Assert.Equal(DemoSettings.DefaultAsAt, org.AsAt);
        Assert.Equal(new DateOnly(2012, 1, 16), org.AsAt);
    }

    [Fact]
    public async Task LoadAll_Again_LeavesExistingCouncilsUnchanged()
    {
        await using var db = fixture.Database.CreateContext();
        var before = await db.Objectives.IgnoreQueryFilters().CountAsync();

        var results = await new DemoLoader(db).LoadAllAsync();

        Assert.All(results, r => Assert.False(r.Loaded));
        Assert.Equal(before, await db.Objectives.IgnoreQueryFilters().CountAsync());
    }

    private sealed class PpcOrder : IComparer<string?>
    {
        public int Compare(string? x, string? y) => int.Parse(x![4..]).CompareTo(int.Parse(y![4..]));
    }
}
