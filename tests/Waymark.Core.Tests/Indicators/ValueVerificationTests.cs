using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Indicators;

/// <summary>
/// Verification as a conversation: query, answer, correct and verify (one or many), who may do each, the states the
/// value passes through and the thread kept with it; and the verify queue's filters, counts and pages.
/// </summary>
public class ValueVerificationTests
{
    private static readonly DateTimeOffset Now = new(2012, 5, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Period Q3 = Period.QuartersOf(Period.FinancialYear(2011, 4), 4)[2];
    private static readonly Period Q4 = Period.QuartersOf(Period.FinancialYear(2011, 4), 4)[3];
    private const int EnteredBy = 50;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class Fixture : IAsyncDisposable
    {
        public required TestDatabase Database { get; init; }
        public required Organisation Org { get; init; }
        public required int UnitId { get; init; }
        public required int OtherUnitId { get; init; }
        public required int PostId { get; init; }

        public Actor Verifier => new(2, "Vera Verifier", Org.Id, Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());
        public Actor Owner => new(EnteredBy, "Olive Owner", Org.Id, Role.LeadOfficer, false, new HashSet<int>(), null, new HashSet<int> { PostId });
        public Actor Stranger => new(60, "Lead elsewhere", Org.Id, Role.LeadOfficer, false, new HashSet<int>(), null, new HashSet<int>());
        public Actor UnitManager => new(70, "Unit manager", Org.Id, Role.ServiceManager, false, new HashSet<int> { UnitId }, null, new HashSet<int>());

        public WaymarkDbContext Context()
        {
            var scope = new OrganisationScope();
            scope.Enter(Org);
            return Database.CreateContext(scope, clock: new FixedClock(Now));
        }

        public static ValueVerificationEditor Editor(WaymarkDbContext db) =>
            new(db, new FixedClock(Now), new IndicatorValueEditor(db, new FixedClock(Now)), new Waymark.Core.Messages.Notices(db, new Waymark.Core.Messages.MailSettings(), new FixedClock(Now)));

        public static ValueVerificationQueries Queries(WaymarkDbContext db) => new(db, new IndicatorQueries(db, new FixedClock(Now)));

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static async Task<Fixture> SetUpAsync()
    {
        var database = await TestDatabase.SharedAsync();
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = TestDatabase.UniqueSlug("verify") };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var scope = new OrganisationScope();
        scope.Enter(org);
        await using var scoped = database.CreateContext(scope);
        var unit = new Unit { OrganisationId = org.Id, Name = "Communities" };
        var other = new Unit { OrganisationId = org.Id, Name = "Housing" };
        scoped.Units.AddRange(unit, other);
        await scoped.SaveChangesAsync();
        var post = new Post { OrganisationId = org.Id, UnitId = unit.Id, Title = "Partnerships Manager" };
        scoped.Posts.Add(post);
        await scoped.SaveChangesAsync();
        return new Fixture { Database = database, Org = org, UnitId = unit.Id, OtherUnitId = other.Id, PostId = post.Id };
    }

    /// <summary>A quarterly percentage indicator owned by the fixture's post, with a value for each period given.</summary>
    private static async Task<int> IndicatorAsync(Fixture f, string code, int? unitId = null, params Period[] periods)
    {
        await using var db = f.Context();
        var indicator = new Indicator
        {
            OrganisationId = f.Org.Id, Code = code, Title = code + " title", Unit = IndicatorUnit.Percentage, DecimalPlaces = 1,
            Frequency = Frequency.Quarterly, UnitId = unitId ?? f.UnitId, DataOwnerPostId = f.PostId,
            CollectFrom = Period.FinancialYear(2011, 4), CollectUntil = Period.FinancialYear(2011, 4),
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        foreach (var period in periods.Length == 0 ? [Q4] : periods)
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                OrganisationId = f.Org.Id, IndicatorId = indicator.Id, Period = period, Value = 39.2m,
                EnteredByUserId = EnteredBy, EnteredByName = "Olive Owner", EnteredAt = Now.AddDays(-3),
            });
        }

        await db.SaveChangesAsync();
        return indicator.Id;
    }

    [Fact]
    public async Task AQuery_TellsTheHolderOfTheOwningPost_WithANoticeLinkingToTheAnswer()
    {
        await using var f = await SetUpAsync();
        var id = await IndicatorAsync(f, "QN 1");
        int holder;
        await using (var db = f.Context())
        {
            var person = new Person { OrganisationId = f.Org.Id, Name = "Olive Owner" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            await db.Posts.Where(p => p.Id == f.PostId).ExecuteUpdateAsync(s => s.SetProperty(p => p.HolderId, person.Id));
            holder = person.Id;
        }

        var result = await QueryAsync(f, id, f.Verifier, "The denominator looks wrong");

        await using var check = f.Context();
        var notice = await check.Notices.SingleAsync(n => n.PersonId == holder);
        Assert.Equal(EditOutcome.Done, result.Outcome);
        Assert.Equal(Waymark.Core.Messages.NoticeKind.ValueQueried, notice.Kind);
        Assert.Equal("Your value was queried: QN 1 QN 1 title, Q4 2011/12", notice.Text);
        Assert.Equal($"/{f.Org.Slug}/indicators/{id}/values/{Q4.Code}/answer", notice.Link);
    }

    private static async Task<IndicatorValue> ValueAsync(Fixture f, int id, Period? period = null)
    {
        await using var db = f.Context();
        var p = period ?? Q4;
        return await db.IndicatorValues.AsNoTracking().SingleAsync(v => v.IndicatorId == id && v.Period == p);
    }

    private static async Task<EditResult<IndicatorValue>> QueryAsync(Fixture f, int id, Actor actor, string? note = "Survey base looks too small: check the denominator")
    {
        var version = (await ValueAsync(f, id)).Version;
        await using var db = f.Context();
        return await Fixture.Editor(db).QueryAsync(actor, id, Q4.Code, note, version);
    }

    private static async Task<EditResult<IndicatorValue>> AnswerAsync(Fixture f, int id, Actor actor, string? note = "Checked: 412 respondents, as last year")
    {
        var version = (await ValueAsync(f, id)).Version;
        await using var db = f.Context();
        return await Fixture.Editor(db).AnswerAsync(actor, id, Q4.Code, note, version);
    }

    [Fact]
    public async Task Query_ByAVerifier_SendsTheValueBackToItsOwner_AndTheThreadKeepsTheNote()
    {
        await using var f = await SetUpAsync();
        var id = await IndicatorAsync(f, "VT 1");

        var result = await QueryAsync(f, id, f.Verifier);

        Assert.Equal(EditOutcome.Done, result.Outcome);
        var value = await ValueAsync(f, id);
        Assert.Equal(VerificationState.Queried, ValueVerificationRules.State(value));
        await using var db = f.Context();
        var step = Assert.Single(await Fixture.Queries(db).ThreadAsync(id, Q4));
        Assert.Equal((ValueEventKind.Queried, "Vera Verifier", "Survey base looks too small: check the denominator", Now),
            (step.Kind, step.ByName, step.Note, step.At));
    }

    [Fact]
    public async Task Query_IsRefused_WithoutANote_ByWhoeverEnteredIt_ByThoseWhoMayNotVerify_AndTwice()
    {
        await using var f = await SetUpAsync();
        var id = await IndicatorAsync(f, "VT 2");

        var blank = await QueryAsync(f, id, f.Verifier, note: "  ");
        var own = await QueryAsync(f, id, f.Verifier with { UserId = EnteredBy });
        var lead = await QueryAsync(f, id, f.Owner);
        var otherUnit = await QueryAsync(f, await IndicatorAsync(f, "VT 2b", f.OtherUnitId), f.UnitManager);
        await QueryAsync(f, id, f.Verifier);
        var twice = await QueryAsync(f, id, f.Verifier);

        Assert.Equal("Enter your query: what the owner should check", blank.Errors[ValueQueryFields.Note]);
        Assert.Equal(EditOutcome.Forbidden, own.Outcome);
        Assert.Equal(EditOutcome.Forbidden, lead.Outcome);
        Assert.Equal(EditOutcome.Forbidden, otherUnit.Outcome);
        Assert.Equal(EditOutcome.Refused, twice.Outcome);
        Assert.Contains("waiting for its owner's answer", twice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_ByTheOwner_ReturnsTheValueToTheQueue_LeavingItAsItWas()
    {
        await using var f = await SetUpAsync();
        var id = await IndicatorAsync(f, "VT 3");
        await QueryAsync(f, id, f.Verifier);

        var stranger = await AnswerAsync(f, id, f.Stranger);
        var answered = await AnswerAsync(f, id, f.Owner);
        var again = await AnswerAsync(f, id, f.Owner);

        Assert.Equal(EditOutcome.Forbidden, stranger.Outcome);
        Assert.Equal(EditOutcome.Done, answered.Outcome);
        Assert.Equal(EditOutcome.Refused, again.Outcome);
        var value = await ValueAsync(f, id);
        Assert.Equal((VerificationState.Answered, 39.2m), (ValueVerificationRules.State(value), value.Value));
        await using var db = f.Context();
        var thread = await Fixture.Queries(db).ThreadAsync(id, Q4);
        Assert.Equal([ValueEventKind.Queried, ValueEventKind.Answered], thread.Select(e => e.Kind));
        Assert.Equal(("Olive Owner", "Checked: 412 respondents, as last year"), (thread[1].ByName, thread[1].Note));
    }

    [Fact]
    public async Task Correct_ChangesTheValueWithANote_AndAnUnchangedValueIsNotACorrection()
    {
        await using var f = await SetUpAsync();
        var id = await IndicatorAsync(f, "VT 4");
        await QueryAsync(f, id, f.Verifier);
        var version = (await ValueAsync(f, id)).Version;

        EditResult<IndicatorValue> same, noNote, corrected;
        await using (var db = f.Context())
        {
            same = await Fixture.Editor(db).CorrectAsync(f.Owner, id, Q4.Code, new ValueCorrectionInput("39.2", false, null, null, "No change", version));
        }

        await using (var db = f.Context())
        {
            noNote = await Fixture.Editor(db).CorrectAsync(f.Owner, id, Q4.Code, new ValueCorrectionInput("37.5", false, null, null, null, version));
        }

        await using (var db = f.Context())
        {
            corrected = await Fixture.Editor(db).CorrectAsync(f.Owner, id, Q4.Code, new ValueCorrectionInput("37.5", false, null, "Recounted", "Two wards were counted twice", version));
        }

        Assert.Contains("same as before", same.Errors[IndicatorFields.Value], StringComparison.Ordinal);
        Assert.True(noNote.Errors.ContainsKey(ValueQueryFields.Note));
        Assert.Equal(EditOutcome.Done, corrected.Outcome);
        var value = await ValueAsync(f, id);
        Assert.Equal((37.5m, "Recounted", VerificationState.Answered), (value.Value, value.Commentary, ValueVerificationRules.State(value)));
        await using var check = f.Context();
        var last = (await Fixture.Queries(check).ThreadAsync(id, Q4))[^1];
        Assert.Equal((ValueEventKind.Corrected, 37.5m, "Two wards were counted twice"), (last.Kind, last.Value, last.Note));
    }

    [Fact]
    public async Task Verify_AfterAnAnswer_ClosesTheQuery_AndTheThreadHasEveryStep()
    {
        await using var f = await SetUpAsync();
        var id = await IndicatorAsync(f, "VT 5");
        await QueryAsync(f, id, f.Verifier);
        await AnswerAsync(f, id, f.Owner);
        var version = (await ValueAsync(f, id)).Version;

        await using (var db = f.Context())
        {
            var result = await new IndicatorValueEditor(db, new FixedClock(Now)).VerifyAsync(f.Verifier, id, Q4.Code, version);
            Assert.Equal(EditOutcome.Done, result.Outcome);
        }

        var value = await ValueAsync(f, id);
        Assert.Equal((VerificationState.Verified, ValueQueryState.None), (ValueVerificationRules.State(value), value.QueryState));
        await using var check = f.Context();
        Assert.Equal([ValueEventKind.Queried, ValueEventKind.Answered, ValueEventKind.Verified], (await Fixture.Queries(check).ThreadAsync(id, Q4)).Select(e => e.Kind));
    }

    [Fact]
    public async Task VerifyMany_WithOneStaleValue_VerifiesNone_AndSaysWhich()
    {
        await using var f = await SetUpAsync();
        var first = await IndicatorAsync(f, "VT 6");
        var second = await IndicatorAsync(f, "VT 7");
        var items = new List<VerifyItem>
        {
            new(first, Q4.Code, (await ValueAsync(f, first)).Version),
            new(second, Q4.Code, Guid.NewGuid()),
        };

        BulkVerifyResult stale;
        await using (var db = f.Context())
        {
            stale = await Fixture.Editor(db).VerifyManyAsync(f.Verifier, items);
        }

        items[1] = items[1] with { Version = (await ValueAsync(f, second)).Version };
        BulkVerifyResult done;
        await using (var db = f.Context())
        {
            done = await Fixture.Editor(db).VerifyManyAsync(f.Verifier, items);
        }

        var problem = Assert.Single(stale.Problems);
        Assert.Equal((1, EditOutcome.Conflict), (problem.Index, problem.Outcome));
        Assert.True(done.IsDone);
        Assert.Equal(2, done.Verified.Count);
        Assert.True((await ValueAsync(f, first)).IsVerified);
        Assert.True((await ValueAsync(f, second)).IsVerified);
    }

    [Fact]
    public async Task VerifyMany_RefusesOwnEntriesAndOtherUnits_PerValue()
    {
        await using var f = await SetUpAsync();
        var mine = await IndicatorAsync(f, "VT 8");
        var elsewhere = await IndicatorAsync(f, "VT 9", f.OtherUnitId);
        await using var db = f.Context();

        var result = await Fixture.Editor(db).VerifyManyAsync(f.UnitManager with { UserId = EnteredBy },
            [new(mine, Q4.Code, (await ValueAsync(f, mine)).Version), new(elsewhere, Q4.Code, (await ValueAsync(f, elsewhere)).Version)]);

        Assert.Equal([0, 1], result.Problems.Select(p => p.Index));
        Assert.Contains("someone else must verify", result.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("your units", result.Problems[1].Reason, StringComparison.Ordinal);
        Assert.False((await ValueAsync(f, mine)).IsVerified);
    }

    [Fact]
    public async Task Queue_FiltersCountsAndPagesInTheDatabase()
    {
        await using var f = await SetUpAsync();
        var ids = new List<int>();
        for (var n = 0; n < 14; n++)
        {
            ids.Add(await IndicatorAsync(f, $"VQ {n:D2}", n % 2 == 0 ? f.UnitId : f.OtherUnitId, Q3, Q4));
        }

        await QueryAsync(f, ids[0], f.Verifier);
        await using var db = f.Context();
        var queries = Fixture.Queries(db);

        var all = await queries.VerifyQueueAsync(f.Verifier, new VerifyQueueFilter());
        var second = await queries.VerifyQueueAsync(f.Verifier, new VerifyQueueFilter(Page: 2));
        var q4 = await queries.VerifyQueueAsync(f.Verifier, new VerifyQueueFilter(Period: Q4, UnitId: f.UnitId));
        var queried = await queries.VerifyQueueAsync(f.Verifier, new VerifyQueueFilter(Show: VerifyQueueShow.Queried));
        var manager = await queries.VerifyQueueAsync(f.UnitManager, new VerifyQueueFilter());
        var byOwner = await queries.VerifyQueueAsync(f.Verifier, new VerifyQueueFilter(Owner: $"post-{f.PostId}"));

        Assert.Equal((27, 1, 2, 25), (all.Counts.Waiting, all.Counts.Queried, all.Pages, all.Items.Count));
        Assert.Equal(2, second.Items.Count);
        Assert.All(all.Items.Take(13), i => Assert.Equal(Q3, i.Row.Period));
        Assert.Equal([Q4, Q3], all.Periods);
        Assert.Equal((6, 1), (q4.Counts.Waiting, q4.Counts.Queried));
        Assert.All(q4.Items, i => Assert.Equal((Q4, f.UnitId), (i.Row.Period, i.Indicator.UnitId!.Value)));
        var only = Assert.Single(queried.Items);
        Assert.Equal(ids[0], only.Indicator.Id);
        Assert.Equal("Survey base looks too small: check the denominator", Assert.Single(only.Conversation).Note);
        Assert.Equal(13, manager.Counts.Waiting);
        Assert.Equal(28, byOwner.Counts.Total);
        Assert.Equal(["Communities", "Housing"], all.Units.Select(u => u.Text));
    }

    [Fact]
    public async Task QueriedFor_ListsTheOwnersOpenQueries_WithTheQuery()
    {
        await using var f = await SetUpAsync();
        var queried = await IndicatorAsync(f, "VO 1");
        var answered = await IndicatorAsync(f, "VO 2");
        await IndicatorAsync(f, "VO 3");
        await QueryAsync(f, queried, f.Verifier);
        await QueryAsync(f, answered, f.Verifier);
        await AnswerAsync(f, answered, f.Owner);
        await using var db = f.Context();

        var mine = await Fixture.Queries(db).QueriedForAsync(f.Owner);
        var strangers = await Fixture.Queries(db).QueriedForAsync(f.Stranger);

        var only = Assert.Single(mine);
        Assert.Equal((queried, "Vera Verifier"), (only.Indicator.Id, only.Query!.ByName));
        Assert.Empty(strangers);
    }
}
