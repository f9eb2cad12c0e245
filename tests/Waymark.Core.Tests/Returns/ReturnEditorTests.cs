using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Returns;
using Waymark.Core.Rounds;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Returns;

/// <summary>
/// An owner's return through its states: submit refused while items are missing, submitted, an item returned with a
/// note, submitted again, signed off; who may take each step; a stale version refused; each step audited.
/// </summary>
public class ReturnEditorTests
{
    private static readonly DateTimeOffset Now = new(2012, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Period Q3 = Period.Quarter(2011, 3, 4);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed record Fixture(TestDatabase Database, Organisation Org, int UnitId, int OwnerId, int ReturnId, int MissingIndicatorId, int ManagerPostId)
    {
        public Actor Owner => new(5, "Olive Owner", Org.Id, Role.LeadOfficer, false, new HashSet<int>(), OwnerId, new HashSet<int>());
        public Actor Head => new(6, "Harriet Head", Org.Id, Role.LeadOfficer, false, new HashSet<int>(), null, new HashSet<int> { ManagerPostId });
        public Actor Stranger => new(7, "Lead elsewhere", Org.Id, Role.LeadOfficer, false, new HashSet<int>(), null, new HashSet<int>());

        public WaymarkDbContext Context()
        {
            var scope = new OrganisationScope();
            scope.Enter(Org);
            return Database.CreateContext(scope, clock: new FixedClock(Now));
        }

        public static ReturnEditor Editor(WaymarkDbContext db) =>
            new(db, new FixedClock(Now), new ReturnQueries(db, new FixedClock(Now)), new ReturnNotices(db, new Notices(db, new MailSettings(), new FixedClock(Now))));
    }

    private static async Task<Fixture> SetUpAsync()
    {
        var database = await TestDatabase.SharedAsync();
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = TestDatabase.UniqueSlug("returns") };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var scope = new OrganisationScope();
        scope.Enter(org);
        await using var s = database.CreateContext(scope, clock: new FixedClock(Now));
        var unit = new Unit { OrganisationId = org.Id, Name = "Communities" };
        s.Units.Add(unit);
        await s.SaveChangesAsync();
        var headPost = new Post { OrganisationId = org.Id, UnitId = unit.Id, Title = "Head of Communities" };
        var owner = new Person { OrganisationId = org.Id, Name = "Olive Owner", UnitId = unit.Id };
        s.Posts.Add(headPost);
        s.People.Add(owner);
        await s.SaveChangesAsync();
        unit.HeadPostId = headPost.Id;
        Indicator Make(string code) => new()
        {
            OrganisationId = org.Id, Code = code, Title = code + " title", Unit = IndicatorUnit.Percentage, Frequency = Frequency.Quarterly,
            UnitId = unit.Id, DataOwnerPersonId = owner.Id,
        };
        var given = Make("RT1");
        var missing = Make("RT2");
        s.Indicators.AddRange(given, missing);
        await s.SaveChangesAsync();
        s.IndicatorValues.Add(new IndicatorValue { OrganisationId = org.Id, IndicatorId = given.Id, Period = Q3, Value = 41.5m, EnteredByName = "Olive Owner", EnteredAt = Now });
        var round = new MonitoringRound
        {
            OrganisationId = org.Id, Period = Q3, OpenedAt = Now, OpenedByName = "Pat Officer",
            ReturnsDeadline = new DateOnly(2012, 1, 16), SignOffDeadline = new DateOnly(2012, 1, 23),
        };
        s.MonitoringRounds.Add(round);
        await s.SaveChangesAsync();
        var r = new RoundReturn { OrganisationId = org.Id, RoundId = round.Id, PersonId = owner.Id, UnitId = unit.Id };
        r.Items.Add(new RoundReturnItem { OrganisationId = org.Id, Kind = RoundItemKind.IndicatorValue, IndicatorId = given.Id, ValuePeriod = Q3, UnitId = unit.Id });
        r.Items.Add(new RoundReturnItem { OrganisationId = org.Id, Kind = RoundItemKind.IndicatorValue, IndicatorId = missing.Id, ValuePeriod = Q3, UnitId = unit.Id });
        s.RoundReturns.Add(r);
        await s.SaveChangesAsync();
        return new Fixture(database, org, unit.Id, owner.Id, r.Id, missing.Id, headPost.Id);
    }

    private static async Task<Guid> VersionAsync(Fixture f)
    {
        await using var db = f.Context();
        return (await db.RoundReturns.AsNoTracking().SingleAsync(r => r.Id == f.ReturnId)).Version;
    }

    private static async Task EnterMissingValueAsync(Fixture f)
    {
        await using var db = f.Context();
        db.IndicatorValues.Add(new IndicatorValue { OrganisationId = f.Org.Id, IndicatorId = f.MissingIndicatorId, Period = Q3, Value = 12m, EnteredByName = "Olive Owner", EnteredAt = Now });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Submit_WithAnItemMissing_IsRefusedNamingIt_AndInProgressIsShown()
    {
        var f = await SetUpAsync();
        await using var db = f.Context();

        var result = await Fixture.Editor(db).SubmitAsync(f.Owner, f.ReturnId, await VersionAsync(f));

        Assert.Equal(EditOutcome.Refused, result.Outcome);
        Assert.Contains("RT2 RT2 title", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("RT1 RT1 title", result.Reason, StringComparison.Ordinal);
        var view = (await Fixture.Editor(db).OpenAsync(f.Owner, f.ReturnId)).Record!;
        Assert.Equal(ReturnState.InProgress, view.State);
        Assert.Equal("41.5", view.Items[0].Entry);
    }

    [Fact]
    public async Task TheReturn_GoesThroughSubmitReturnResubmitAndSignOff_EachStepAudited()
    {
        var f = await SetUpAsync();
        await EnterMissingValueAsync(f);

        await using (var db = f.Context())
        {
            var submitted = await Fixture.Editor(db).SubmitAsync(f.Owner, f.ReturnId, await VersionAsync(f));
            Assert.Equal(EditOutcome.Done, submitted.Outcome);
            Assert.Equal(ReturnState.Submitted, submitted.Record!.Return.State);
            Assert.Equal(new DateOnly(2012, 1, 10), submitted.Record.Return.FirstSubmittedOn);
        }

        int itemId;
        await using (var db = f.Context())
        {
            itemId = (await db.RoundReturnItems.Where(i => i.ReturnId == f.ReturnId).OrderBy(i => i.Id).FirstAsync()).Id;
            var blank = await Fixture.Editor(db).ReturnItemAsync(f.Head, f.ReturnId, itemId, "  ", await VersionAsync(f));
            Assert.Equal("Enter a note", blank.Errors[ReturnFields.Note]);
            var returned = await Fixture.Editor(db).ReturnItemAsync(f.Head, f.ReturnId, itemId, "41.5% is down on last year: check the tonnage", await VersionAsync(f));
            Assert.Equal(EditOutcome.Done, returned.Outcome);
            Assert.Equal(ReturnState.Returned, returned.Record!.Return.State);
            var item = Assert.Single(returned.Record.ReturnedOpen);
            Assert.Equal("Harriet Head", item.Item.ReturnedByName);
        }

        await using (var db = f.Context())
        {
            var again = await Fixture.Editor(db).SubmitAsync(f.Owner, f.ReturnId, await VersionAsync(f));
            Assert.Equal(ReturnState.Submitted, again.Record!.Return.State);
            Assert.Empty(again.Record.ReturnedOpen);
            Assert.Equal("41.5% is down on last year: check the tonnage", again.Record.Items.Single(i => i.Item.Id == itemId).Item.ReturnNote);
        }

        await using (var db = f.Context())
        {
            var own = await Fixture.Editor(db).SignOffAsync(f.Owner, f.ReturnId, await VersionAsync(f));
            Assert.Equal(EditOutcome.Forbidden, own.Outcome);
            var signed = await Fixture.Editor(db).SignOffAsync(f.Head, f.ReturnId, await VersionAsync(f));
            Assert.Equal(ReturnState.SignedOff, signed.Record!.Return.State);
            Assert.Equal("Harriet Head", signed.Record.Return.SignedOffByName);
        }

        await using (var db = f.Context())
        {
            var key = f.ReturnId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var audited = await db.AuditEntries.AsNoTracking().CountAsync(a => a.OrganisationId == f.Org.Id && a.EntityType == nameof(RoundReturn) && a.EntityId == key);
            Assert.True(audited >= 4, $"{audited} audit entries for the return");
        }
    }

    [Fact]
    public async Task Steps_AreRefused_ForAStaleVersion_AndForThoseWhoMayNot()
    {
        var f = await SetUpAsync();
        await EnterMissingValueAsync(f);
        await using var db = f.Context();
        var editor = Fixture.Editor(db);

        Assert.Equal(EditOutcome.Conflict, (await editor.SubmitAsync(f.Owner, f.ReturnId, Guid.NewGuid())).Outcome);
        Assert.Equal(EditOutcome.Forbidden, (await editor.SubmitAsync(f.Head, f.ReturnId, await VersionAsync(f))).Outcome);
        Assert.Equal(EditOutcome.Refused, (await editor.SignOffAsync(f.Head, f.ReturnId, await VersionAsync(f))).Outcome);
        Assert.Equal(EditOutcome.Forbidden, (await editor.OpenAsync(f.Stranger, f.ReturnId)).Outcome);
        Assert.Equal(EditOutcome.NotFound, (await editor.OpenAsync(f.Owner, f.ReturnId + 100_000)).Outcome);
    }

    [Fact]
    public async Task ReturningAnItemAndSigningOff_TellTheOwner_WithTheNoteAndWhoSignedOff()
    {
        var f = await SetUpAsync();
        await EnterMissingValueAsync(f);
        await using (var db = f.Context())
        {
            await Fixture.Editor(db).SubmitAsync(f.Owner, f.ReturnId, await VersionAsync(f));
            var itemId = (await db.RoundReturnItems.Where(i => i.ReturnId == f.ReturnId).OrderBy(i => i.Id).FirstAsync()).Id;
            await Fixture.Editor(db).ReturnItemAsync(f.Head, f.ReturnId, itemId, "Check the tonnage", await VersionAsync(f));
            await Fixture.Editor(db).SubmitAsync(f.Owner, f.ReturnId, await VersionAsync(f));
            await Fixture.Editor(db).SignOffAsync(f.Head, f.ReturnId, await VersionAsync(f));
        }

        await using (var db = f.Context())
        {
            var notices = await db.Notices.AsNoTracking().Where(n => n.PersonId == f.OwnerId).OrderBy(n => n.Id).ToListAsync();
            var roundId = (await db.RoundReturns.SingleAsync(r => r.Id == f.ReturnId)).RoundId;
            Assert.Equal([NoticeKind.ReturnReturned, NoticeKind.ReturnSignedOff], notices.Select(n => n.Kind));
            Assert.Equal("An item of your Q3 2011/12 round return was returned to you", notices[0].Text);
            Assert.Equal("Your Q3 2011/12 round return was signed off", notices[1].Text);
            Assert.All(notices, n => Assert.EndsWith($"/my-return/{roundId}", n.Link, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ASignOffRefusedForAStaleVersion_WritesNoNotice()
    {
        var f = await SetUpAsync();
        await EnterMissingValueAsync(f);
        await using var db = f.Context();
        await Fixture.Editor(db).SubmitAsync(f.Owner, f.ReturnId, await VersionAsync(f));

        var stale = await Fixture.Editor(db).SignOffAsync(f.Head, f.ReturnId, Guid.NewGuid());

        Assert.Equal(EditOutcome.Conflict, stale.Outcome);
        Assert.False(await db.Notices.AnyAsync(n => n.PersonId == f.OwnerId));
    }

    [Fact]
    public async Task AReturnWithSomethingEntered_IsInProgressInTheListsAndCompleteness()
    {
        var f = await SetUpAsync();
        await using var db = f.Context();

        var listed = Assert.Single(await new ReturnQueries(db, TimeProvider.System).ToSignOffAsync(f.Head), r => r.Id == f.ReturnId);
        var roundId = (await db.RoundReturns.SingleAsync(r => r.Id == f.ReturnId)).RoundId;
        var detail = (await new RoundQueries(db, TimeProvider.System).DetailAsync(roundId))!;

        Assert.Equal(ReturnState.InProgress, listed.State);
        Assert.Equal(ReturnState.InProgress, Assert.Single(detail.Outstanding).Return.State);
        Assert.Equal(ReturnState.NotStarted, (await db.RoundReturns.SingleAsync(r => r.Id == f.ReturnId)).State);
    }
}
