using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Breakdowns;
using Waymark.Core.Corrections;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Rounds;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Breakdowns;

/// <summary>
/// Setting up a breakdown and entering its figures: who may, how figures are checked, how the indicator's own value is
/// formed from them through its history, and locked quarters, on a council as at 16 January 2012 whose Q2 round closed.
/// </summary>
public class BreakdownEditingTests
{
    private static readonly DateTimeOffset Now = new(2012, 1, 16, 10, 0, 0, TimeSpan.Zero);
    private const string Q3 = "Q3 2011/12";
    private const string Q2 = "Q2 2011/12";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Fixture
    {
        public required TestDatabase Database { get; init; }
        public required Organisation Org { get; init; }
        public required int Waste { get; init; }
        public required int Housing { get; init; }
        public required int WastePost { get; init; }
        public required int IndicatorId { get; init; }
        public TimeProvider Clock { get; } = new FixedClock(Now);

        public WaymarkDbContext Context()
        {
            var scope = new OrganisationScope();
            scope.Enter(Org);
            return Database.CreateContext(scope, clock: Clock);
        }

        public Actor Officer => new(1, "Alex Morgan", Org.Id, Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());
        public Actor WasteOwner => new(2, "Sam Taylor", Org.Id, Role.LeadOfficer, false, new HashSet<int>(), null, new HashSet<int> { WastePost });
        public Actor HousingManager => new(3, "Jo Price", Org.Id, Role.ServiceManager, false, new HashSet<int> { Housing }, null, new HashSet<int>());
        public Actor Councillor => new(4, "Cllr Lee", Org.Id, Role.Councillor, false, new HashSet<int>(), null, new HashSet<int>());

        public static BreakdownEditor Setup(WaymarkDbContext db) => new(db);
        public BreakdownValueEditor Values(WaymarkDbContext db) => new(db, Clock, new BreakdownQueries(db, Clock));

        public static async Task<Fixture> CreateAsync(IndicatorUnit unit = IndicatorUnit.Number)
        {
            var database = await TestDatabase.SharedAsync();
            await using var db = database.CreateContext();
            var org = new Organisation { Name = "Parts Council", ShortName = "Parts", Slug = TestDatabase.UniqueSlug("parts"), AsAt = new DateOnly(2012, 1, 16) };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            var waste = new Unit { OrganisationId = org.Id, Name = "Waste" };
            var housing = new Unit { OrganisationId = org.Id, Name = "Housing" };
            var post = new Post { OrganisationId = org.Id, Unit = waste, Title = "Waste Manager" };
            var indicator = new Indicator
            {
                OrganisationId = org.Id, Code = "LI 7", Title = "Complaints received", Unit = unit, Polarity = Polarity.LowerIsBetter,
                Frequency = Frequency.Quarterly, Aggregation = Aggregation.Sum,
            };
            var round = new MonitoringRound
            {
                OrganisationId = org.Id, Period = Period.Quarter(2011, 2, 4), OpenedByName = "Alex Morgan", OpenedAt = Now.AddMonths(-4),
                ReturnsDeadline = new DateOnly(2011, 10, 14), SignOffDeadline = new DateOnly(2011, 10, 19),
                ClosedAt = new DateTimeOffset(2011, 10, 20, 16, 0, 0, TimeSpan.Zero), ClosedOn = new DateOnly(2011, 10, 20), ClosedByName = "Alex Morgan",
            };
            db.AddRange(waste, housing, post, indicator, round);
            await db.SaveChangesAsync();
            return new Fixture { Database = database, Org = org, Waste = waste.Id, Housing = housing.Id, WastePost = post.Id, IndicatorId = indicator.Id };
        }

        /// <summary>The indicator broken down by Waste (owned by the Waste Manager) and Housing.</summary>
        public async Task<Breakdown> ByUnitAsync()
        {
            await using var db = Context();
            var result = await Setup(db).SaveAsync(Officer, IndicatorId, null,
                new BreakdownInput("unit", [new(Waste, null, WastePost), new(Housing, null, null)]));
            Assert.Equal(EditOutcome.Done, result.Outcome);
            return result.Record!;
        }

        public async Task<(int Waste, int Housing)> MembersAsync()
        {
            await using var db = Context();
            var members = await db.BreakdownMembers.ToListAsync();
            return (members.Single(m => m.UnitId == Waste).Id, members.Single(m => m.UnitId == Housing).Id);
        }
    }

    [Fact]
    public async Task Setup_ByUnit_KeepsTheMembersInOrder_WithTheirOwners()
    {
        var f = await Fixture.CreateAsync();
        await f.ByUnitAsync();

        await using var db = f.Context();
        var breakdown = await new BreakdownQueries(db, f.Clock).ForIndicatorAsync(f.IndicatorId);
        Assert.Equal(BreakdownKind.Unit, breakdown!.Kind);
        Assert.Equal(["Waste", "Housing"], breakdown.Members.OrderBy(m => m.SortOrder).Select(m => m.Name));
        Assert.Equal(f.WastePost, breakdown.Members.Single(m => m.UnitId == f.Waste).OwnerPostId);
    }

    [Fact]
    public async Task Setup_ByALeadOfficer_IsForbidden()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();

        var result = await Fixture.Setup(db).SaveAsync(f.WasteOwner, f.IndicatorId, null, new BreakdownInput("unit", [new(f.Waste, null, null)]));

        Assert.Equal(EditOutcome.Forbidden, result.Outcome);
    }

    [Fact]
    public async Task Setup_WithTheSameUnitTwice_OrAnUnknownKind_IsInvalid()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();

        var twice = await Fixture.Setup(db).SaveAsync(f.Officer, f.IndicatorId, null, new BreakdownInput("unit", [new(f.Waste, null, null), new(f.Waste, null, null)]));
        var kind = await Fixture.Setup(db).SaveAsync(f.Officer, f.IndicatorId, null, new BreakdownInput("ward", [new(f.Waste, null, null)]));

        Assert.Equal("This unit is in the breakdown already", twice.Errors["members[1].unitId"]);
        Assert.Equal("Choose whether the indicator is broken down by unit or by place", kind.Errors["kind"]);
    }

    [Fact]
    public async Task Values_OfEveryMember_FormTheIndicatorsValue_ThroughItsHistory()
    {
        var f = await Fixture.CreateAsync();
        await f.ByUnitAsync();
        var (waste, housing) = await f.MembersAsync();
        await using var db = f.Context();

        var result = await f.Values(db).SaveAsync(f.Officer, f.IndicatorId,
            new BreakdownValuesInput(Q3, [new(waste, "12", "Bin collection complaints", null), new(housing, "30", null, null)]));

        Assert.Equal(EditOutcome.Done, result.Outcome);
        Assert.Equal(42m, result.Record!.SavedWhole);
        await using var check = f.Context();
        var value = await check.IndicatorValues.SingleAsync(v => v.IndicatorId == f.IndicatorId);
        Assert.Equal(42m, value.Value);
        Assert.Equal("Alex Morgan", value.EnteredByName);
        Assert.Equal(ValueEventKind.Entered, (await check.IndicatorValueEvents.SingleAsync(e => e.IndicatorId == f.IndicatorId)).Kind);
        Assert.Equal("Bin collection complaints", (await check.BreakdownValues.SingleAsync(v => v.MemberId == waste)).Commentary);
    }

    [Fact]
    public async Task Values_ChangingOneMember_ChangesTheWhole_AndAStaleVersionConflicts()
    {
        var f = await Fixture.CreateAsync();
        await f.ByUnitAsync();
        var (waste, housing) = await f.MembersAsync();
        await using (var db = f.Context())
        {
            await f.Values(db).SaveAsync(f.Officer, f.IndicatorId, new BreakdownValuesInput(Q3, [new(waste, "12", null, null), new(housing, "30", null, null)]));
        }

        Guid version;
        await using (var db = f.Context())
        {
            version = (await db.BreakdownValues.SingleAsync(v => v.MemberId == waste)).Version;
            var changed = await f.Values(db).SaveAsync(f.WasteOwner, f.IndicatorId, new BreakdownValuesInput(Q3, [new(waste, "10", null, version)]));
            Assert.Equal(EditOutcome.Done, changed.Outcome);
            Assert.Equal(40m, changed.Record!.SavedWhole);
        }

        await using var stale = f.Context();
        var conflict = await f.Values(stale).SaveAsync(f.Officer, f.IndicatorId, new BreakdownValuesInput(Q3, [new(waste, "11", null, version)]));
        Assert.Equal(EditOutcome.Conflict, conflict.Outcome);
        Assert.Equal(10m, conflict.Record!.Rows.Single(r => r.MemberId == waste).Value);
    }

    [Fact]
    public async Task Values_OfAnotherOwnersMember_AreForbidden_ToALeadOfficer()
    {
        var f = await Fixture.CreateAsync();
        await f.ByUnitAsync();
        var (_, housing) = await f.MembersAsync();
        await using var db = f.Context();

        var result = await f.Values(db).SaveAsync(f.WasteOwner, f.IndicatorId, new BreakdownValuesInput(Q3, [new(housing, "5", null, null)]));
        var councillor = await f.Values(db).SaveAsync(f.Councillor, f.IndicatorId, new BreakdownValuesInput(Q3, [new(housing, "5", null, null)]));

        Assert.Equal(EditOutcome.Forbidden, result.Outcome);
        Assert.Contains("Housing", result.Reason, StringComparison.Ordinal);
        Assert.Equal(EditOutcome.Forbidden, councillor.Outcome);
    }

    [Fact]
    public async Task Values_AreCheckedAsTheValuePageChecksThem_WithAnErrorPerRow()
    {
        var f = await Fixture.CreateAsync();
        await f.ByUnitAsync();
        var (waste, housing) = await f.MembersAsync();
        await using var db = f.Context();

        var result = await f.Values(db).SaveAsync(f.Officer, f.IndicatorId,
            new BreakdownValuesInput(Q3, [new(waste, "twelve", null, null), new(housing, "3.5", "Bad\u0001text", null)]));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("The figure for Waste must be a number, like 33.9 or 1,010", result.Errors["rows[0].value"]);
        Assert.Equal("The figure for Housing must be a whole number", result.Errors["rows[1].value"]);
        Assert.True(result.Errors.ContainsKey("rows[1].commentary"));
    }

    [Fact]
    public async Task Values_OfALockedQuarter_NeedAReason_AndAreRecordedAsCorrections()
    {
        var f = await Fixture.CreateAsync();
        await f.ByUnitAsync();
        var (waste, _) = await f.MembersAsync();
        await using var db = f.Context();

        var noReason = await f.Values(db).SaveAsync(f.Officer, f.IndicatorId, new BreakdownValuesInput(Q2, [new(waste, "9", null, null)]));
        var owner = await f.Values(db).SaveAsync(f.WasteOwner, f.IndicatorId, new BreakdownValuesInput(Q2, [new(waste, "9", null, null)], "Late figures"));
        var corrected = await f.Values(db).SaveAsync(f.Officer, f.IndicatorId, new BreakdownValuesInput(Q2, [new(waste, "9", null, null)], "Late figures"));

        Assert.Equal("Enter the reason for correcting a locked quarter", noReason.Errors[LockRules.ReasonField]);
        Assert.Equal(EditOutcome.Forbidden, owner.Outcome);
        Assert.Equal(EditOutcome.Done, corrected.Outcome);
        await using var check = f.Context();
        var corrections = await check.Corrections.ToListAsync();
        Assert.Equal(2, corrections.Count); // Waste's figure, and the indicator's whole figure formed from it.
        Assert.All(corrections, c => Assert.Equal("Late figures", c.Reason));
    }

    [Fact]
    public async Task Values_OfAPercentage_AreKept_ButTheWholeIsNotFormed()
    {
        var f = await Fixture.CreateAsync(IndicatorUnit.Percentage);
        await f.ByUnitAsync();
        var (waste, housing) = await f.MembersAsync();
        await using var db = f.Context();

        var result = await f.Values(db).SaveAsync(f.Officer, f.IndicatorId, new BreakdownValuesInput(Q3, [new(waste, "80", null, null), new(housing, "90", null, null)]));

        Assert.Equal(EditOutcome.Done, result.Outcome);
        Assert.Equal(WholeMethod.NotFormed, result.Record!.Method);
        await using var check = f.Context();
        Assert.False(await check.IndicatorValues.AnyAsync(v => v.IndicatorId == f.IndicatorId));
    }

    [Fact]
    public async Task Setup_TakingOutAMemberWithFigures_IsInvalid_AndSaysWhich()
    {
        var f = await Fixture.CreateAsync();
        var breakdown = await f.ByUnitAsync();
        var (waste, _) = await f.MembersAsync();
        await using (var db = f.Context())
        {
            await f.Values(db).SaveAsync(f.Officer, f.IndicatorId, new BreakdownValuesInput(Q3, [new(waste, "12", null, null)]));
        }

        await using var again = f.Context();
        var result = await Fixture.Setup(again).SaveAsync(f.Officer, f.IndicatorId, breakdown.Version, new BreakdownInput("unit", [new(f.Housing, null, null)]));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.StartsWith("Waste has figures", result.Errors["members"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Places_AreAdded_FromAPastedList_AndOneInUseCannotBeRemoved()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();
        var editor = new PlaceEditor(db);

        var list = await editor.AddListAsync(f.Officer, "Billingham East\tWard\nBillingham West, Ward\n\nYarm", "Town");
        var twice = await editor.AddAsync(f.Officer, new PlaceInput("Yarm", null));
        var forbidden = await editor.AddAsync(f.HousingManager, new PlaceInput("Norton", "Ward"));

        Assert.Equal(EditOutcome.Done, list.Outcome);
        Assert.Equal(["Ward", "Ward", "Town"], list.Record!.Select(p => p.Kind));
        Assert.Equal("There is a place called Yarm already", twice.Errors["name"]);
        Assert.Equal(EditOutcome.Forbidden, forbidden.Outcome);

        var yarm = list.Record!.Single(p => p.Name == "Yarm");
        var setup = await Fixture.Setup(db).SaveAsync(f.Officer, f.IndicatorId, null, new BreakdownInput("place", [new(null, yarm.Id, null)]));
        Assert.Equal(EditOutcome.Done, setup.Outcome);
        var removed = await editor.RemoveAsync(f.Officer, yarm.Id, yarm.Version);
        Assert.Equal(EditOutcome.Refused, removed.Outcome);
        Assert.Contains("LI 7", removed.Reason, StringComparison.Ordinal);
    }
}
