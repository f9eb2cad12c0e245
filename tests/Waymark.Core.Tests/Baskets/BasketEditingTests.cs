using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Baskets;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Baskets;

/// <summary>Creating, changing and deleting baskets and their groups and items, through the editors.</summary>
public class BasketEditingTests
{
    [Fact]
    public async Task APerformanceOfficer_CreatesAScorecard_KeptByAPost()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();

        var result = await new BasketEditor(db).CreateAsync(f.Officer, new BasketInput(" Corporate scorecard ", "The agreed basket of key indicators", "scorecard", "Management team, quarterly", f.PostId));

        Assert.Equal(EditOutcome.Done, result.Outcome);
        var saved = await db.Baskets.SingleAsync();
        Assert.Equal("Corporate scorecard", saved.Title);
        Assert.Equal(BasketKind.Scorecard, saved.Kind);
        Assert.Equal(f.PostId, saved.OwnerPostId);
        Assert.Equal(1, saved.SortOrder);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Basket) && e.Summary == "Basket: Corporate scorecard"));
    }

    [Fact]
    public async Task ABasketNeedsATitleAndAKind_AndAnOwnerOfTheOrganisation()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();

        var result = await new BasketEditor(db).CreateAsync(f.Officer, new BasketInput(" ", null, "league-table", new string('x', 2001), 999_999));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("Enter a title", result.Errors[BasketFields.Title]);
        Assert.Equal("Select what kind of basket this is", result.Errors[BasketFields.Kind]);
        Assert.Equal("The audience must be 2,000 characters or fewer", result.Errors[BasketFields.AudienceNote]);
        Assert.Equal("Select a post from the list", result.Errors[BasketFields.OwnerPostId]);
    }

    [Fact]
    public async Task OnlyTheCentralTeamChangesBaskets()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();
        var created = await new BasketEditor(db).CreateAsync(f.Administrator, Scorecard());

        var byManager = await new BasketEditor(db).CreateAsync(f.Manager, Scorecard());
        var byReadOnlyOfficer = await new BasketEditor(db).UpdateAsync(f.Officer with { ReadOnly = true }, created.Record!.Id, Scorecard(), created.Record.Version);
        var opened = await new BasketEditor(db).OpenAsync(f.Manager, created.Record.Id);

        Assert.Equal(EditOutcome.Forbidden, byManager.Outcome);
        Assert.Equal(EditOutcome.Forbidden, byReadOnlyOfficer.Outcome);
        Assert.Equal(EditOutcome.Forbidden, opened.Outcome);
        Assert.Equal(BasketEditor.NotAllowed, opened.Reason);
    }

    [Fact]
    public async Task ItemsAreAddedUnderAGroup_Reordered_Moved_AndKeptWhenTheirGroupIsRemoved()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();
        var (basket, shown, content) = await f.BasketAsync(db);
        var version = (await content.AddGroupAsync(f.Officer, basket, "A – Listening council", shown)).Record!.Version;
        var groupId = await db.BasketGroups.Where(g => g.BasketId == basket).Select(g => g.Id).SingleAsync();

        var added = await content.AddItemsAsync(f.Officer, basket, [new(BasketItemKind.Indicator, f.Ni4), new(BasketItemKind.Indicator, f.Ni1)], groupId, version);
        var ni1 = await db.BasketItems.AsNoTracking().SingleAsync(i => i.IndicatorId == f.Ni1);
        var moved = await content.MoveItemAsync(f.Officer, basket, ni1.Id, BasketMove.Up, added.Record!.Version);
        var order = await db.BasketItems.AsNoTracking().OrderBy(i => i.SortOrder).Select(i => i.IndicatorId).ToListAsync();
        var removed = await content.RemoveGroupAsync(f.Officer, basket, groupId, moved.Record!.Version);

        Assert.Equal(EditOutcome.Done, removed.Outcome);
        Assert.Equal([f.Ni1, f.Ni4], order);
        Assert.All(await db.BasketItems.AsNoTracking().ToListAsync(), i => Assert.Null(i.GroupId));
        Assert.Equal(0, await db.BasketGroups.CountAsync());
    }

    [Fact]
    public async Task AChangeAgainstAnOldVersion_IsAConflict_AndSavesNothing()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();
        var (basket, shown, content) = await f.BasketAsync(db);
        await content.AddGroupAsync(f.Officer, basket, "B – Partnerships", shown);

        var stale = await content.AddItemsAsync(f.Officer, basket, [new(BasketItemKind.Indicator, f.Ni4)], null, shown);

        Assert.Equal(EditOutcome.Conflict, stale.Outcome);
        Assert.Equal("B – Partnerships", Assert.Single(stale.Record!.Groups).Title);
        Assert.Equal(0, await db.BasketItems.CountAsync());
    }

    [Fact]
    public async Task RecordsOfAnotherOrganisation_OrNone_CannotBeAdded_AndARecordIsHeldOnce()
    {
        var f = await Fixture.CreateAsync();
        var other = await Fixture.CreateAsync();
        await using var db = f.Context();
        var (basket, shown, content) = await f.BasketAsync(db);

        var foreign = await content.AddItemsAsync(f.Officer, basket, [new(BasketItemKind.Indicator, other.Ni4)], null, shown);
        var none = await content.AddItemsAsync(f.Officer, basket, [], null, shown);
        var once = await content.AddItemsAsync(f.Officer, basket, [new(BasketItemKind.Indicator, f.Ni4)], null, shown);
        var twice = await content.AddItemsAsync(f.Officer, basket, [new(BasketItemKind.Indicator, f.Ni4)], null, once.Record!.Version);

        Assert.Equal("Select indicators, actions and milestones from the list", foreign.Errors[BasketFields.Items]);
        Assert.Equal("Select at least one indicator, action or milestone to add", none.Errors[BasketFields.Items]);
        Assert.Equal(EditOutcome.Done, twice.Outcome);
        Assert.Equal(1, await db.BasketItems.CountAsync());
    }

    [Fact]
    public async Task TheSearch_ListsRecordsNotYetHeld_ByCodeOrTitle()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();
        var (basket, shown, content) = await f.BasketAsync(db);
        await content.AddItemsAsync(f.Officer, basket, [new(BasketItemKind.Indicator, f.Ni4)], null, shown);
        var queries = new BasketQueries(db, null!);

        var all = await queries.CandidatesAsync(basket, BasketItemKind.Indicator, null);
        var byCode = await queries.CandidatesAsync(basket, BasketItemKind.Indicator, "ni 1");
        var byTitle = await queries.CandidatesAsync(basket, BasketItemKind.Indicator, "HARMONIOUSLY");

        Assert.Equal(["NI 1 % of people who feel that different groups live harmoniously"], all.Select(c => c.Label));
        Assert.Equal(f.Ni1, Assert.Single(byCode).Id);
        Assert.Equal(f.Ni1, Assert.Single(byTitle).Id);
    }

    [Fact]
    public async Task DeletingABasket_TakesItsGroupsAndItems_AndLeavesTheIndicators()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();
        var (basket, shown, content) = await f.BasketAsync(db);
        var v = (await content.AddGroupAsync(f.Officer, basket, "A", shown)).Record!.Version;
        v = (await content.AddItemsAsync(f.Officer, basket, [new(BasketItemKind.Indicator, f.Ni4)], null, v)).Record!.Version;

        var deleted = await new BasketEditor(db).DeleteAsync(f.Administrator, basket, v);

        Assert.Equal(EditOutcome.Done, deleted.Outcome);
        Assert.Equal(0, await db.Baskets.CountAsync() + await db.BasketGroups.CountAsync() + await db.BasketItems.CountAsync());
        Assert.Equal(2, await db.Indicators.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(BasketItem) && e.Action == "Deleted" && e.OrganisationId == f.Org.Id));
    }

    private static BasketInput Scorecard() => new("Corporate scorecard", null, "scorecard", null, null);

    /// <summary>A council of its own in the shared database with a post and two indicators, NI 4 and NI 1.</summary>
    private sealed class Fixture
    {
        public required TestDatabase Database { get; init; }
        public required Organisation Org { get; init; }
        public required int PostId { get; init; }
        public required int Ni4 { get; init; }
        public required int Ni1 { get; init; }

        public Actor Administrator => new(1, "Ada Administrator", Org.Id, Role.Administrator, true, new HashSet<int>(), null, new HashSet<int>());

        public Actor Officer => new(2, "Pat Performance", Org.Id, Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());

        public Actor Manager => new(3, "Sam Manager", Org.Id, Role.ServiceManager, false, new HashSet<int>(), null, new HashSet<int>());

        public static async Task<Fixture> CreateAsync()
        {
            var database = await TestDatabase.SharedAsync();
            await using var db = database.CreateContext();
            var org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = TestDatabase.UniqueSlug("baskets"), AsAt = new DateOnly(2012, 1, 16) };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            var unit = new Unit { OrganisationId = org.Id, Name = "Policy and Performance" };
            var post = new Post { OrganisationId = org.Id, Unit = unit, Title = "Performance Manager" };
            var ni4 = new Indicator { OrganisationId = org.Id, Code = "NI 4", Title = "% of people who feel they can influence decisions in their locality", SortOrder = 1 };
            var ni1 = new Indicator { OrganisationId = org.Id, Code = "NI 1", Title = "% of people who feel that different groups live harmoniously", SortOrder = 2 };
            db.AddRange(unit, post, ni4, ni1);
            await db.SaveChangesAsync();
            return new Fixture { Database = database, Org = org, PostId = post.Id, Ni4 = ni4.Id, Ni1 = ni1.Id };
        }

        public WaymarkDbContext Context()
        {
            var scope = new OrganisationScope();
            scope.Enter(Org);
            return Database.CreateContext(scope);
        }

        /// <summary>A new, empty scorecard and the content editor on the context.</summary>
        public async Task<(int Basket, Guid Version, BasketContentEditor Content)> BasketAsync(WaymarkDbContext db)
        {
            var editor = new BasketEditor(db);
            var basket = (await editor.CreateAsync(Officer, Scorecard())).Record!;
            db.ChangeTracker.Clear();
            return (basket.Id, basket.Version, new BasketContentEditor(db, editor));
        }
    }
}
