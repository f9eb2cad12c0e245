using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Corrections;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Rounds;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Corrections;

/// <summary>
/// The period lock through the editors, on a council whose Q2 2011/12 round closed on 20 October 2011, as at
/// 16 January 2012: a change to Q2 is refused, asks for its reason, or is saved with a correction (old, new, reason).
/// </summary>
public class PeriodLockEditingTests
{
    private static readonly DateTimeOffset Now = new(2012, 1, 16, 10, 0, 0, TimeSpan.Zero);
    private const string Q2 = "Q2 2011/12";
    private const string Q3 = "Q3 2011/12";
    private const string LockedMessage = "Q2 2011/12 is locked: its monitoring round closed on 20 October 2011. A performance officer can correct it.";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Value_OfAClosedQuarter_ByItsOwner_IsRefusedWithWhy_AndNothingChanges()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();

        var result = await Values(db).SaveAsync(f.Owner(), f.IndicatorId, new ValueInput(Q2, "45", false, null, null, f.ValueVersion));

        Assert.Equal(EditOutcome.Forbidden, result.Outcome);
        Assert.Equal(LockedMessage, result.Reason);
        await using var check = f.Context();
        Assert.Equal(40m, (await check.IndicatorValues.SingleAsync(v => v.IndicatorId == f.IndicatorId)).Value);
        Assert.Empty(await check.Corrections.ToListAsync());
    }

    [Fact]
    public async Task Value_OfAClosedQuarter_ByAPerformanceOfficer_WithoutAReason_AsksForIt()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();

        var result = await Values(db).SaveAsync(f.Officer(), f.IndicatorId, new ValueInput(Q2, "45", false, null, null, f.ValueVersion) { CorrectionReason = " " });

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("Enter the reason for correcting a locked quarter", result.Errors[LockRules.ReasonField]);
    }

    [Fact]
    public async Task Value_OfAClosedQuarter_WithAReason_IsSavedWithACorrection()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();

        var result = await Values(db).SaveAsync(f.Officer(), f.IndicatorId,
            new ValueInput(Q2, "45", false, null, "Restated after audit", f.ValueVersion) { CorrectionReason = "The audit found 5 missed households" });

        Assert.Equal(EditOutcome.Done, result.Outcome);
        await using var check = f.Context();
        var correction = await check.Corrections.SingleAsync();
        Assert.Equal(CorrectionKind.IndicatorValue, correction.Kind);
        Assert.Equal("40", correction.OldValue);
        Assert.Equal("45", correction.NewValue);
        Assert.True(correction.CommentaryChanged);
        Assert.Equal("The audit found 5 missed households", correction.Reason);
        Assert.Equal("Performance Officer", correction.ByName);
        Assert.Equal(f.UnitId, correction.UnitId);
        Assert.Equal(Period.Quarter(2011, 2, 4), correction.Period);
        Assert.Equal(new DateOnly(2012, 1, 16), correction.On);
    }

    [Fact]
    public async Task Value_OfAnOpenQuarter_NeedsNoReason_AndIsNoCorrection()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();

        var result = await Values(db).SaveAsync(f.Owner(), f.IndicatorId, new ValueInput(Q3, "41", false, null, null, null));

        Assert.Equal(EditOutcome.Done, result.Outcome);
        await using var check = f.Context();
        Assert.Empty(await check.Corrections.ToListAsync());
    }

    [Fact]
    public async Task Value_UnderALockException_ForTheOwnersUnit_IsACorrectionNamingTheException_UntilItEnds()
    {
        var f = await Fixture.CreateAsync();
        var granted = await f.GrantAsync(new DateOnly(2012, 1, 31));
        await using (var db = f.Context())
        {
            var result = await Values(db).SaveAsync(f.Owner(), f.IndicatorId, new ValueInput(Q2, "44", false, null, null, f.ValueVersion) { CorrectionReason = "Late return from the contractor" });
            Assert.Equal(EditOutcome.Done, result.Outcome);
        }

        await using (var db = f.Context())
        {
            Assert.Equal(granted.Id, (await db.Corrections.SingleAsync()).LockExceptionId);
            Assert.Equal(EditOutcome.Done, (await new LockExceptionEditor(db, f.Clock).EndAsync(f.Officer(), granted.Id, granted.Version)).Outcome);
        }

        await using (var db = f.Context())
        {
            var version = (await db.IndicatorValues.SingleAsync(v => v.IndicatorId == f.IndicatorId)).Version;
            var refused = await Values(db).SaveAsync(f.Owner(), f.IndicatorId, new ValueInput(Q2, "43", false, null, null, version) { CorrectionReason = "Again" });
            Assert.Equal(EditOutcome.Forbidden, refused.Outcome);
        }
    }

    [Fact]
    public async Task BulkValues_ForAClosedQuarter_RefuseTheOwner_AndAskTheOfficerForTheItemsReason()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();
        var bulk = new IndicatorBulkValues(db, f.Clock, new IndicatorQueries(db, f.Clock), new UnusualValues(db));
        List<BulkValueInput> items = [new(f.IndicatorId, null, new ValueInput(Q2, "46", false, null, null, f.ValueVersion))];

        var refused = await bulk.SaveAsync(f.Owner(), items);
        var invalid = await bulk.SaveAsync(f.Officer(), items);
        var done = await bulk.SaveAsync(f.Officer(), [items[0] with { Value = items[0].Value with { CorrectionReason = "Restated" } }]);

        Assert.Equal(BulkOutcome.Forbidden, refused.Outcome);
        Assert.Contains(LockedMessage, Assert.Single(refused.Refusals).Reason, StringComparison.Ordinal);
        Assert.Equal(BulkOutcome.Invalid, invalid.Outcome);
        Assert.Equal("Enter the reason for correcting a locked quarter", invalid.Errors[IndicatorBulkValues.Key(0, LockRules.ReasonField)]);
        Assert.Equal(BulkOutcome.Done, done.Outcome);
        await using var check = f.Context();
        var correction = await check.Corrections.SingleAsync();
        Assert.Equal("40", correction.OldValue);
        Assert.Equal("46", correction.NewValue);
        Assert.Equal("Restated", correction.Reason);
    }

    [Fact]
    public async Task ActionUpdate_OfAClosedQuarter_IsRefusedToItsLead_AndCorrectedByTheOfficerWithOldAndNewRag()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();
        var progress = new ActionProgress(db, f.Clock);
        var version = (await db.PlanActions.SingleAsync(a => a.Id == f.ActionId)).Version;

        var refused = await progress.RecordUpdateAsync(f.Owner(), f.PlanId, f.ActionId, new ProgressInput(Q2, "Red", "Slipped", version));
        db.ChangeTracker.Clear();
        var done = await progress.RecordUpdateAsync(f.Officer(), f.PlanId, f.ActionId, new ProgressInput(Q2, "Red", "Slipped", version) { CorrectionReason = "Reported Green in error" });

        Assert.Equal(EditOutcome.Forbidden, refused.Outcome);
        Assert.Equal(LockedMessage, refused.Reason);
        Assert.Equal(EditOutcome.Done, done.Outcome);
        await using var check = f.Context();
        var correction = await check.Corrections.SingleAsync();
        Assert.Equal(CorrectionKind.ActionProgress, correction.Kind);
        Assert.Equal("Green", correction.OldStatus);
        Assert.Equal("Red", correction.NewStatus);
        Assert.Equal("1.1 Review the customer service standards", correction.Subject);
    }

    [Fact]
    public async Task ReasonText_IsKeptAsWritten_ForThePagesToEncode()
    {
        var f = await Fixture.CreateAsync();
        await using var db = f.Context();
        const string Script = "<script>alert('x')</script> & \"quoted\"";

        var result = await Values(db).SaveAsync(f.Officer(), f.IndicatorId, new ValueInput(Q2, "45", false, null, null, f.ValueVersion) { CorrectionReason = Script });

        Assert.Equal(EditOutcome.Done, result.Outcome);
        await using var check = f.Context();
        Assert.Equal(Script, (await check.Corrections.SingleAsync()).Reason);
    }

    private static IndicatorValueEditor Values(WaymarkDbContext db) => new(db, new FixedClock(Now));

    /// <summary>A council as at 16 January 2012 with a closed Q2 round, a unit, its lead officer, an indicator with a Q2 value, and an action with a Q2 update.</summary>
    private sealed class Fixture
    {
        public required TestDatabase Database { get; init; }
        public required Organisation Org { get; init; }
        public int UnitId { get; init; }
        public int PostId { get; init; }
        public int PersonId { get; init; }
        public int IndicatorId { get; init; }
        public Guid ValueVersion { get; init; }
        public int PlanId { get; init; }
        public int ActionId { get; init; }
        public TimeProvider Clock { get; } = new FixedClock(Now);

        public static async Task<Fixture> CreateAsync()
        {
            var database = await TestDatabase.SharedAsync();
            await using var db = database.CreateContext();
            var org = new Organisation { Name = "Lock Council", ShortName = "Lock", Slug = TestDatabase.UniqueSlug("lock"), AsAt = new DateOnly(2012, 1, 16) };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            var unit = new Unit { OrganisationId = org.Id, Name = "Waste" };
            var person = new Person { OrganisationId = org.Id, Name = "Sam Taylor", Unit = unit };
            var post = new Post { OrganisationId = org.Id, Unit = unit, Title = "Waste Manager", Holder = person };
            var indicator = new Indicator
            {
                OrganisationId = org.Id, Code = "NI 192", Title = "Household waste recycled", Frequency = Frequency.Quarterly, OwningUnit = unit, DataOwnerPost = post,
            };
            var q2 = Period.Quarter(2011, 2, 4);
            var value = new IndicatorValue { OrganisationId = org.Id, Indicator = indicator, Period = q2, Value = 40m, EnteredByName = "Sam Taylor", EnteredAt = Now.AddMonths(-4) };
            var type = new PlanType { OrganisationId = org.Id, Key = "service-plan", Name = "Service plan" };
            var plan = new Plan { OrganisationId = org.Id, PlanType = type, Title = "Waste service plan", Unit = unit, StartYear = Period.FinancialYear(2011, 4), EndYear = Period.FinancialYear(2011, 4) };
            var action = new PlanAction { OrganisationId = org.Id, Plan = plan, Reference = "1.1", Title = "Review the customer service standards", DueText = "Mar 12", DueMonth = Period.Month(2012, 3), State = ActionState.InProgress };
            action.Leads.Add(new ActionLead { OrganisationId = org.Id, Post = post });
            var round = new MonitoringRound
            {
                OrganisationId = org.Id, Period = q2, OpenedByName = "Alex Morgan", OpenedAt = Now.AddMonths(-4), ReturnsDeadline = new DateOnly(2011, 10, 14),
                SignOffDeadline = new DateOnly(2011, 10, 19), ClosedAt = new DateTimeOffset(2011, 10, 20, 16, 0, 0, TimeSpan.Zero), ClosedOn = new DateOnly(2011, 10, 20), ClosedByName = "Alex Morgan",
            };
            db.AddRange(unit, person, post, indicator, value, type, plan, action, round);
            await db.SaveChangesAsync();
            db.ActionUpdates.Add(new ActionUpdate { OrganisationId = org.Id, ActionId = action.Id, Quarter = q2, Rag = Rag.Green, Commentary = "On track", ByName = "Sam Taylor", At = Now.AddMonths(-4) });
            await db.SaveChangesAsync();
            return new Fixture
            {
                Database = database, Org = org, UnitId = unit.Id, PostId = post.Id, PersonId = person.Id, IndicatorId = indicator.Id, ValueVersion = value.Version,
                PlanId = plan.Id, ActionId = action.Id,
            };
        }

        public WaymarkDbContext Context()
        {
            var scope = new OrganisationScope();
            scope.Enter(Org);
            return Database.CreateContext(scope, clock: Clock);
        }

        public Actor Officer() => new(1, "Performance Officer", Org.Id, Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());

        /// <summary>The lead officer who holds the post that owns the indicator and leads the action.</summary>
        public Actor Owner() => new(2, "Sam Taylor", Org.Id, Role.LeadOfficer, false, new HashSet<int> { UnitId }, PersonId, new HashSet<int> { PostId });

        public async Task<LockException> GrantAsync(DateOnly until)
        {
            await using var db = Context();
            var result = await new LockExceptionEditor(db, Clock).GrantAsync(Officer(), new LockExceptionInput(UnitId, null, null, until, "Contractor's figures arrived late"));
            Assert.Equal(EditOutcome.Done, result.Outcome);
            return result.Record!;
        }
    }
}
